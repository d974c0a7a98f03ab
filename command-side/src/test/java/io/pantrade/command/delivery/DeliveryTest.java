package io.pantrade.command.delivery;

import io.pantrade.kernel.delivery.AcceptDelivery;
import io.pantrade.kernel.delivery.AssignCourier;
import io.pantrade.kernel.delivery.CancelDelivery;
import io.pantrade.kernel.delivery.ConfirmDelivery;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierReassigned;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.CreateDelivery;
import io.pantrade.kernel.delivery.DeliveryAccepted;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryFailed;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.kernel.delivery.DeliveryProof;
import io.pantrade.kernel.delivery.FailDelivery;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.PickUpDelivery;
import io.pantrade.kernel.delivery.ReassignCourier;
import io.pantrade.kernel.delivery.TakeDelivery;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.delivery.UnassignCourier;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.kernel.rules.RuleViolatedException;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.pantrade.testing.RuleViolations.violating;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per rule of {@link Delivery}, each rejection asserted by its stable code. The couriers
 * are stood in for by a handler of {@link TakeDelivery} on the fixture's command bus, which records
 * what it is asked and refuses when told to: what a courier decides is {@link CourierTest}'s matter.
 */
class DeliveryTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final DeliveryId DELIVERY_ID = new DeliveryId("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final OrderId ORDER_ID = new OrderId("6f1c1e0a-3b7d-4f7e-9a51-0c2b8d4e5f60");
    private static final GeoPoint PICKUP = new GeoPoint(51.5072, -0.1276);
    private static final SealedText DROP_OFF = new SealedText("0b9e2c4d-8a1f-4c3e-b6d7-1e2f3a4b5c6d", "YWRkcmVzcw==");
    private static final TimeWindow WINDOW = new TimeWindow(NOW.plusSeconds(1800), NOW.plusSeconds(3600));
    private static final CourierId ANNA = new CourierId("3c0d9f6e-1b2a-4c5d-8e7f-9a0b1c2d3e4f");
    private static final CourierId BOB = new CourierId("4d1e0a7f-2c3b-4d6e-9f8a-0b1c2d3e4f5a");
    private static final String ANNAS_ASSIGNMENT = "assignment-anna";
    private static final DeliveryProof PROOF = new DeliveryProof(NOW, "sig-42", null);

    private FixtureConfiguration<Delivery> fixture;
    private final List<TakeDelivery> taken = new ArrayList<>();
    private RuleViolatedException courierRefuses;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delivery.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());
        fixture.registerCommandHandler(TakeDelivery.class, message -> {
            taken.add((TakeDelivery) message.getPayload());
            if (courierRefuses != null) {
                throw courierRefuses;
            }
            return null;
        });
    }

    @Nested
    class Creating {

        @Test
        void creates_a_delivery_waiting_for_a_courier() {
            fixture.givenNoPriorActivity()
                    .when(create())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(created());
        }

        @Test
        void creating_the_same_delivery_again_changes_nothing() {
            fixture.given(created())
                    .when(create())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_delivery_id_taken_by_another_delivery_is_refused() {
            expectRejected(fixture.given(created())
                            .when(new CreateDelivery(DELIVERY_ID, ORDER_ID, PICKUP, DROP_OFF, WINDOW, ParcelSize.LARGE)),
                    "delivery.id-taken");
        }

        @Test
        void needs_an_order() {
            expectRejected(new CreateDelivery(DELIVERY_ID, null, PICKUP, DROP_OFF, WINDOW, ParcelSize.SMALL),
                    "delivery.order-missing");
        }

        @Test
        void needs_a_pickup_point() {
            expectRejected(new CreateDelivery(DELIVERY_ID, ORDER_ID, null, DROP_OFF, WINDOW, ParcelSize.SMALL),
                    "delivery.pickup-missing");
        }

        @Test
        void needs_a_drop_off_address() {
            expectRejected(new CreateDelivery(DELIVERY_ID, ORDER_ID, PICKUP, null, WINDOW, ParcelSize.SMALL),
                    "delivery.drop-off-missing");
        }

        @Test
        void needs_a_time_window() {
            expectRejected(new CreateDelivery(DELIVERY_ID, ORDER_ID, PICKUP, DROP_OFF, null, ParcelSize.SMALL),
                    "delivery.window-missing");
        }

        @Test
        void needs_a_parcel_size() {
            expectRejected(new CreateDelivery(DELIVERY_ID, ORDER_ID, PICKUP, DROP_OFF, WINDOW, null),
                    "delivery.size-missing");
        }
    }

    @Nested
    class Assigning {

        @Test
        void the_courier_takes_the_parcel_first_then_the_delivery_is_assigned_under_the_same_assignment() {
            ResultValidator<Delivery> result = fixture.given(created()).when(new AssignCourier(DELIVERY_ID, ANNA));

            assertThat(taken).hasSize(1);
            TakeDelivery take = taken.get(0);
            assertThat(take.courierId()).isEqualTo(ANNA);
            assertThat(take.deliveryId()).isEqualTo(DELIVERY_ID);
            assertThat(take.size()).isEqualTo(ParcelSize.SMALL);
            assertThat(take.assignmentId()).isNotBlank();
            result.expectSuccessfulHandlerExecution()
                    .expectEvents(new CourierAssigned(DELIVERY_ID, ANNA, take.assignmentId(), ParcelSize.SMALL, NOW));
        }

        @Test
        void every_assignment_has_an_id_of_its_own() {
            fixture.given(created(), assigned(), unassigned("declined by courier"))
                    .when(new AssignCourier(DELIVERY_ID, ANNA))
                    .expectSuccessfulHandlerExecution();

            assertThat(taken).singleElement().extracting(TakeDelivery::assignmentId).isNotEqualTo(ANNAS_ASSIGNMENT);
        }

        @Test
        void a_courier_who_cannot_take_the_parcel_leaves_the_delivery_waiting() {
            courierRefuses = CourierRule.TAKES_WHAT_FITS.violated();
            expectRejected(fixture.given(created()).when(new AssignCourier(DELIVERY_ID, ANNA)),
                    "courier.capacity-exceeded");
        }

        @Test
        void needs_a_courier() {
            expectRejected(fixture.given(created()).when(new AssignCourier(DELIVERY_ID, null)),
                    "delivery.courier-missing");
            assertThat(taken).isEmpty();
        }

        @Test
        void only_a_delivery_waiting_for_a_courier_is_assigned() {
            expectRejected(fixture.given(created(), assigned()).when(new AssignCourier(DELIVERY_ID, BOB)),
                    "delivery.not-awaiting-courier");
            assertThat(taken).isEmpty();
        }

        @Test
        void an_unknown_delivery_is_not_found() {
            fixture.givenNoPriorActivity()
                    .when(new AssignCourier(DELIVERY_ID, ANNA))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Reassigning {

        @Test
        void moves_an_assigned_delivery_to_another_courier_who_took_the_parcel() {
            expectReassignedToBob(fixture.given(created(), assigned()).when(new ReassignCourier(DELIVERY_ID, BOB)));
        }

        @Test
        void moves_an_accepted_delivery_too() {
            expectReassignedToBob(fixture.given(created(), assigned(), accepted())
                    .when(new ReassignCourier(DELIVERY_ID, BOB)));
        }

        @Test
        void the_new_courier_refusing_leaves_the_delivery_with_the_old_one() {
            courierRefuses = CourierRule.TAKES_ONLY_ON_SHIFT.violated();
            expectRejected(fixture.given(created(), assigned()).when(new ReassignCourier(DELIVERY_ID, BOB)),
                    "courier.off-shift");
        }

        @Test
        void goes_to_another_courier_than_the_one_holding_it() {
            expectRejected(fixture.given(created(), assigned()).when(new ReassignCourier(DELIVERY_ID, ANNA)),
                    "delivery.same-courier");
            assertThat(taken).isEmpty();
        }

        @Test
        void needs_a_courier() {
            expectRejected(fixture.given(created(), assigned()).when(new ReassignCourier(DELIVERY_ID, null)),
                    "delivery.courier-missing");
        }

        @Test
        void a_delivery_without_a_courier_or_picked_up_is_not_reassigned() {
            expectRejected(fixture.given(created()).when(new ReassignCourier(DELIVERY_ID, BOB)),
                    "delivery.not-reassignable");
            expectRejected(fixture.given(created(), assigned(), pickedUp()).when(new ReassignCourier(DELIVERY_ID, BOB)),
                    "delivery.not-reassignable");
            assertThat(taken).isEmpty();
        }

        private void expectReassignedToBob(ResultValidator<Delivery> result) {
            TakeDelivery take = taken.get(0);
            assertThat(take.courierId()).isEqualTo(BOB);
            assertThat(take.assignmentId()).isNotEqualTo(ANNAS_ASSIGNMENT);
            result.expectEvents(new CourierReassigned(DELIVERY_ID, ANNA, ANNAS_ASSIGNMENT, BOB, take.assignmentId(),
                    ParcelSize.SMALL, NOW));
        }
    }

    @Nested
    class Unassigning {

        @Test
        void takes_the_delivery_back_from_its_courier_with_a_reason() {
            fixture.given(created(), assigned(), accepted())
                    .when(new UnassignCourier(DELIVERY_ID, "not picked up in time"))
                    .expectEvents(unassigned("not picked up in time"));
        }

        @Test
        void the_assigned_courier_declines() {
            fixture.given(created(), assigned())
                    .when(new UnassignCourier(DELIVERY_ID, ANNA, "declined by courier"))
                    .expectEvents(unassigned("declined by courier"));
        }

        @Test
        void only_the_assigned_courier_declines() {
            expectRejected(fixture.given(created(), assigned())
                    .when(new UnassignCourier(DELIVERY_ID, BOB, "declined by courier")), "delivery.not-the-assigned-courier");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " ")
        void needs_a_reason(String reason) {
            expectRejected(fixture.given(created(), assigned()).when(new UnassignCourier(DELIVERY_ID, reason)),
                    "delivery.reason-invalid");
        }

        @Test
        void a_reason_is_at_most_500_characters() {
            expectRejected(fixture.given(created(), assigned()).when(new UnassignCourier(DELIVERY_ID, "r".repeat(501))),
                    "delivery.reason-invalid");
        }

        @Test
        void only_a_delivery_held_and_not_picked_up_is_taken_back() {
            expectRejected(fixture.given(created()).when(new UnassignCourier(DELIVERY_ID, "why")),
                    "delivery.not-unassignable");
            expectRejected(fixture.given(created(), assigned(), pickedUp()).when(new UnassignCourier(DELIVERY_ID, "why")),
                    "delivery.not-unassignable");
        }
    }

    @Nested
    class Accepting {

        @Test
        void the_assigned_courier_accepts() {
            fixture.given(created(), assigned())
                    .when(new AcceptDelivery(DELIVERY_ID, ANNA))
                    .expectEvents(accepted());
        }

        @Test
        void only_the_assigned_courier_accepts() {
            expectRejected(fixture.given(created(), assigned()).when(new AcceptDelivery(DELIVERY_ID, BOB)),
                    "delivery.not-the-assigned-courier");
        }

        @Test
        void only_an_assigned_delivery_not_yet_accepted_is_accepted() {
            expectRejected(fixture.given(created()).when(new AcceptDelivery(DELIVERY_ID, ANNA)), "delivery.not-assigned");
            expectRejected(fixture.given(created(), assigned(), accepted()).when(new AcceptDelivery(DELIVERY_ID, ANNA)),
                    "delivery.not-assigned");
        }
    }

    @Nested
    class PickingUp {

        @Test
        void the_assigned_courier_picks_up_an_accepted_delivery() {
            fixture.given(created(), assigned(), accepted())
                    .when(new PickUpDelivery(DELIVERY_ID, ANNA))
                    .expectEvents(pickedUp());
        }

        @Test
        void picking_up_accepts_it_implicitly() {
            fixture.given(created(), assigned())
                    .when(new PickUpDelivery(DELIVERY_ID, ANNA))
                    .expectEvents(pickedUp());
        }

        @Test
        void only_the_assigned_courier_picks_up() {
            expectRejected(fixture.given(created(), assigned()).when(new PickUpDelivery(DELIVERY_ID, BOB)),
                    "delivery.not-the-assigned-courier");
        }

        @Test
        void only_a_delivery_held_and_not_yet_picked_up_is_picked_up() {
            expectRejected(fixture.given(created()).when(new PickUpDelivery(DELIVERY_ID, ANNA)), "delivery.not-pickable");
            expectRejected(fixture.given(created(), assigned(), pickedUp()).when(new PickUpDelivery(DELIVERY_ID, ANNA)),
                    "delivery.not-pickable");
        }
    }

    @Nested
    class Delivering {

        @Test
        void the_assigned_courier_hands_it_over_with_a_proof() {
            fixture.given(created(), assigned(), pickedUp())
                    .when(new ConfirmDelivery(DELIVERY_ID, ANNA, PROOF))
                    .expectEvents(new DeliveryDelivered(DELIVERY_ID, ANNA, ANNAS_ASSIGNMENT, PROOF));
        }

        @Test
        void only_the_assigned_courier_hands_it_over() {
            expectRejected(fixture.given(created(), assigned(), pickedUp()).when(new ConfirmDelivery(DELIVERY_ID, BOB, PROOF)),
                    "delivery.not-the-assigned-courier");
        }

        @Test
        void only_a_picked_up_delivery_is_handed_over() {
            expectRejected(fixture.given(created(), assigned(), accepted()).when(new ConfirmDelivery(DELIVERY_ID, ANNA, PROOF)),
                    "delivery.not-picked-up");
        }

        @Test
        void needs_a_proof_with_the_time_of_delivery() {
            expectRejected(fixture.given(created(), assigned(), pickedUp()).when(new ConfirmDelivery(DELIVERY_ID, ANNA, null)),
                    "delivery.proof-missing");
            expectRejected(fixture.given(created(), assigned(), pickedUp())
                    .when(new ConfirmDelivery(DELIVERY_ID, ANNA, new DeliveryProof(null, "sig", null))), "delivery.proof-missing");
        }

        @Test
        void signature_and_photo_references_are_optional_and_up_to_200_characters() {
            DeliveryProof longest = new DeliveryProof(NOW, "s".repeat(200), "p".repeat(200));
            fixture.given(created(), assigned(), pickedUp())
                    .when(new ConfirmDelivery(DELIVERY_ID, ANNA, longest))
                    .expectEvents(new DeliveryDelivered(DELIVERY_ID, ANNA, ANNAS_ASSIGNMENT, longest));
            DeliveryProof bare = new DeliveryProof(NOW, null, null);
            fixture.given(created(), assigned(), pickedUp())
                    .when(new ConfirmDelivery(DELIVERY_ID, ANNA, bare))
                    .expectEvents(new DeliveryDelivered(DELIVERY_ID, ANNA, ANNAS_ASSIGNMENT, bare));
        }

        @Test
        void a_reference_above_200_characters_is_refused() {
            expectRejected(fixture.given(created(), assigned(), pickedUp())
                            .when(new ConfirmDelivery(DELIVERY_ID, ANNA, new DeliveryProof(NOW, null, "p".repeat(201)))),
                    "delivery.proof-reference-too-long");
        }
    }

    @Nested
    class Failing {

        @Test
        void the_engine_gives_up_on_a_delivery_nobody_took() {
            fixture.given(created())
                    .when(new FailDelivery(DELIVERY_ID, null, "no courier in time"))
                    .expectEvents(new DeliveryFailed(DELIVERY_ID, null, null, "no courier in time", NOW));
        }

        @Test
        void the_assigned_courier_fails_their_delivery_and_the_event_names_their_assignment() {
            fixture.given(created(), assigned(), pickedUp())
                    .when(new FailDelivery(DELIVERY_ID, ANNA, "nobody home"))
                    .expectEvents(new DeliveryFailed(DELIVERY_ID, ANNA, ANNAS_ASSIGNMENT, "nobody home", NOW));
        }

        @Test
        void a_courier_fails_only_their_own_delivery() {
            expectRejected(fixture.given(created(), assigned()).when(new FailDelivery(DELIVERY_ID, BOB, "flat tyre")),
                    "delivery.not-the-assigned-courier");
            expectRejected(fixture.given(created()).when(new FailDelivery(DELIVERY_ID, BOB, "flat tyre")),
                    "delivery.not-the-assigned-courier");
        }

        @Test
        void needs_a_reason() {
            expectRejected(fixture.given(created()).when(new FailDelivery(DELIVERY_ID, null, " ")), "delivery.reason-invalid");
        }

        @Test
        void a_finished_delivery_does_not_fail() {
            expectRejected(fixture.given(created(), assigned(), pickedUp(), delivered())
                    .when(new FailDelivery(DELIVERY_ID, null, "late")), "delivery.already-finished");
            expectRejected(fixture.given(created(), cancelled(null, null))
                    .when(new FailDelivery(DELIVERY_ID, null, "late")), "delivery.already-finished");
            expectRejected(fixture.given(created(), new DeliveryFailed(DELIVERY_ID, null, null, "first", NOW))
                    .when(new FailDelivery(DELIVERY_ID, null, "late")), "delivery.already-finished");
        }
    }

    @Nested
    class Cancelling {

        @Test
        void cancels_a_delivery_waiting_for_a_courier() {
            fixture.given(created())
                    .when(new CancelDelivery(DELIVERY_ID, "order cancelled"))
                    .expectEvents(cancelled(null, null));
        }

        @Test
        void cancelling_an_assigned_delivery_names_the_assignment_to_release() {
            fixture.given(created(), assigned(), accepted())
                    .when(new CancelDelivery(DELIVERY_ID, "order cancelled"))
                    .expectEvents(cancelled(ANNA, ANNAS_ASSIGNMENT));
        }

        @Test
        void cancelling_again_changes_nothing() {
            fixture.given(created(), cancelled(null, null))
                    .when(new CancelDelivery(DELIVERY_ID, "order cancelled"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_delivery_on_its_way_or_handed_over_is_not_cancelled() {
            expectRejected(fixture.given(created(), assigned(), pickedUp())
                    .when(new CancelDelivery(DELIVERY_ID, "order cancelled")), "delivery.already-picked-up");
            expectRejected(fixture.given(created(), assigned(), pickedUp(), delivered())
                    .when(new CancelDelivery(DELIVERY_ID, "order cancelled")), "delivery.already-picked-up");
        }

        @Test
        void a_failed_delivery_is_not_cancelled() {
            expectRejected(fixture.given(created(), new DeliveryFailed(DELIVERY_ID, null, null, "no courier", NOW))
                    .when(new CancelDelivery(DELIVERY_ID, "order cancelled")), "delivery.already-failed");
        }

        @Test
        void needs_a_reason() {
            expectRejected(fixture.given(created()).when(new CancelDelivery(DELIVERY_ID, null)), "delivery.reason-invalid");
        }
    }

    private void expectRejected(CreateDelivery command, String code) {
        expectRejected(fixture.givenNoPriorActivity().when(command), code);
    }

    private static void expectRejected(ResultValidator<Delivery> result, String code) {
        result.expectException(violating(code)).expectNoEvents();
    }

    // --- test data ----------------------------------------------------------------------------

    private static CreateDelivery create() {
        return new CreateDelivery(DELIVERY_ID, ORDER_ID, PICKUP, DROP_OFF, WINDOW, ParcelSize.SMALL);
    }

    private static DeliveryCreated created() {
        return new DeliveryCreated(DELIVERY_ID, ORDER_ID, PICKUP, DROP_OFF, WINDOW, ParcelSize.SMALL, NOW);
    }

    private static CourierAssigned assigned() {
        return new CourierAssigned(DELIVERY_ID, ANNA, ANNAS_ASSIGNMENT, ParcelSize.SMALL, NOW);
    }

    private static CourierUnassigned unassigned(String reason) {
        return new CourierUnassigned(DELIVERY_ID, ANNA, ANNAS_ASSIGNMENT, reason, NOW);
    }

    private static DeliveryAccepted accepted() {
        return new DeliveryAccepted(DELIVERY_ID, ANNA, NOW);
    }

    private static DeliveryPickedUp pickedUp() {
        return new DeliveryPickedUp(DELIVERY_ID, ANNA, NOW);
    }

    private static DeliveryDelivered delivered() {
        return new DeliveryDelivered(DELIVERY_ID, ANNA, ANNAS_ASSIGNMENT, PROOF);
    }

    private static DeliveryCancelled cancelled(CourierId courierId, String assignmentId) {
        return new DeliveryCancelled(DELIVERY_ID, courierId, assignmentId, "order cancelled", NOW);
    }
}
