package io.pantrade.command.delivery;

import io.pantrade.kernel.delivery.ChangeCourierCapacity;
import io.pantrade.kernel.delivery.CourierCapacityChanged;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierLocationUpdated;
import io.pantrade.kernel.delivery.CourierRegistered;
import io.pantrade.kernel.delivery.CourierReleasedDelivery;
import io.pantrade.kernel.delivery.CourierTookDelivery;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.EndShift;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.RegisterCourier;
import io.pantrade.kernel.delivery.ReleaseDelivery;
import io.pantrade.kernel.delivery.ShiftEnded;
import io.pantrade.kernel.delivery.ShiftStarted;
import io.pantrade.kernel.delivery.StartShift;
import io.pantrade.kernel.delivery.TakeDelivery;
import io.pantrade.kernel.delivery.UpdateCourierLocation;
import io.pantrade.kernel.privacy.SealedText;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.pantrade.testing.RuleViolations.violating;

/** One test per rule of {@link Courier}, each rejection asserted by its stable code. */
class CourierTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CourierId COURIER_ID = new CourierId("3c0d9f6e-1b2a-4c5d-8e7f-9a0b1c2d3e4f");
    private static final SealedText NAME = new SealedText(COURIER_ID.value(), "bmFtZQ==");
    private static final GeoPoint DEPOT = new GeoPoint(51.5072, -0.1276);
    private static final GeoPoint ROUND_THE_CORNER = new GeoPoint(51.5080, -0.1290);
    private static final DeliveryId PARCEL = new DeliveryId("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    private static final DeliveryId OTHER_PARCEL = new DeliveryId("8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e");

    private FixtureConfiguration<Courier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Courier.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Nested
    class Registering {

        @Test
        void registers_with_a_sealed_name_and_a_capacity() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCourier(COURIER_ID, NAME, 5))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new CourierRegistered(COURIER_ID, NAME, 5, NOW));
        }

        @Test
        void registering_the_same_courier_again_changes_nothing() {
            SealedText sealedAgain = new SealedText(COURIER_ID.value(), "b3RoZXIgaXY=");
            fixture.given(registered(5))
                    .when(new RegisterCourier(COURIER_ID, sealedAgain, 5))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void a_courier_id_taken_by_another_registration_is_refused() {
            expectRejected(fixture.given(registered(5)).when(new RegisterCourier(COURIER_ID, NAME, 6)),
                    "courier.id-taken");
        }

        @Test
        void needs_a_name() {
            expectRejected(fixture.givenNoPriorActivity().when(new RegisterCourier(COURIER_ID, null, 5)),
                    "courier.name-missing");
        }

        @Test
        void needs_the_name_sealed_under_the_couriers_own_key() {
            SealedText sealedForSomeoneElse = new SealedText("5d1f0c2e-7b3a-4e9d-8c6f-2a1b3c4d5e6f", "bmFtZQ==");
            expectRejected(fixture.givenNoPriorActivity().when(new RegisterCourier(COURIER_ID, sealedForSomeoneElse, 5)),
                    "courier.name-subject-mismatch");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 50})
        void accepts_a_capacity_from_1_to_50(int capacity) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCourier(COURIER_ID, NAME, capacity))
                    .expectEvents(new CourierRegistered(COURIER_ID, NAME, capacity, NOW));
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0, 51})
        void rejects_a_capacity_outside_1_to_50(int capacity) {
            expectRejected(fixture.givenNoPriorActivity().when(new RegisterCourier(COURIER_ID, NAME, capacity)),
                    "courier.capacity-out-of-range");
        }
    }

    @Nested
    class Shifts {

        @Test
        void starts_a_shift_where_the_courier_is() {
            fixture.given(registered(5))
                    .when(new StartShift(COURIER_ID, DEPOT))
                    .expectEvents(new ShiftStarted(COURIER_ID, DEPOT, NOW));
        }

        @Test
        void a_shift_starts_with_a_location() {
            expectRejected(fixture.given(registered(5)).when(new StartShift(COURIER_ID, null)),
                    "courier.location-missing");
        }

        @Test
        void a_shift_does_not_start_twice() {
            expectRejected(fixture.given(registered(5), onShift()).when(new StartShift(COURIER_ID, DEPOT)),
                    "courier.already-on-shift");
        }

        @Test
        void ends_a_shift() {
            fixture.given(registered(5), onShift())
                    .when(new EndShift(COURIER_ID))
                    .expectEvents(new ShiftEnded(COURIER_ID, NOW));
        }

        @Test
        void a_shift_not_started_does_not_end() {
            expectRejected(fixture.given(registered(5)).when(new EndShift(COURIER_ID)), "courier.shift-not-started");
        }

        @Test
        void a_shift_does_not_end_while_the_courier_holds_deliveries() {
            expectRejected(fixture.given(registered(5), onShift(), took("a-1", PARCEL, ParcelSize.SMALL))
                    .when(new EndShift(COURIER_ID)), "courier.holds-deliveries");
        }

        @Test
        void a_shift_ends_once_everything_held_is_released() {
            fixture.given(registered(5), onShift(), took("a-1", PARCEL, ParcelSize.SMALL), released("a-1", PARCEL))
                    .when(new EndShift(COURIER_ID))
                    .expectEvents(new ShiftEnded(COURIER_ID, NOW));
        }
    }

    @Nested
    class Location {

        @Test
        void a_courier_on_shift_reports_where_they_are() {
            fixture.given(registered(5), onShift())
                    .when(new UpdateCourierLocation(COURIER_ID, ROUND_THE_CORNER))
                    .expectEvents(new CourierLocationUpdated(COURIER_ID, ROUND_THE_CORNER, NOW));
        }

        @Test
        void a_courier_off_shift_reports_no_location() {
            expectRejected(fixture.given(registered(5), onShift(), new ShiftEnded(COURIER_ID, NOW))
                    .when(new UpdateCourierLocation(COURIER_ID, ROUND_THE_CORNER)), "courier.location-off-shift");
        }

        @Test
        void a_report_carries_a_location() {
            expectRejected(fixture.given(registered(5), onShift()).when(new UpdateCourierLocation(COURIER_ID, null)),
                    "courier.location-missing");
        }
    }

    @Nested
    class Capacity {

        @Test
        void changes_the_capacity() {
            fixture.given(registered(5))
                    .when(new ChangeCourierCapacity(COURIER_ID, 8))
                    .expectEvents(new CourierCapacityChanged(COURIER_ID, 8, NOW));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 51})
        void stays_within_1_to_50(int capacity) {
            expectRejected(fixture.given(registered(5)).when(new ChangeCourierCapacity(COURIER_ID, capacity)),
                    "courier.capacity-out-of-range");
        }

        @Test
        void may_drop_to_what_the_courier_carries() {
            fixture.given(registered(5), onShift(), took("a-1", PARCEL, ParcelSize.MEDIUM))
                    .when(new ChangeCourierCapacity(COURIER_ID, 2))
                    .expectEvents(new CourierCapacityChanged(COURIER_ID, 2, NOW));
        }

        @Test
        void does_not_drop_below_what_the_courier_carries() {
            expectRejected(fixture.given(registered(5), onShift(), took("a-1", PARCEL, ParcelSize.MEDIUM))
                    .when(new ChangeCourierCapacity(COURIER_ID, 1)), "courier.capacity-below-load");
        }
    }

    @Nested
    class Taking {

        @Test
        void takes_a_parcel_that_fits() {
            fixture.given(registered(5), onShift())
                    .when(new TakeDelivery(COURIER_ID, PARCEL, "a-1", ParcelSize.LARGE))
                    .expectEvents(took("a-1", PARCEL, ParcelSize.LARGE));
        }

        @Test
        void takes_parcels_until_exactly_full() {
            fixture.given(registered(5), onShift(), took("a-1", PARCEL, ParcelSize.LARGE))
                    .when(new TakeDelivery(COURIER_ID, OTHER_PARCEL, "a-2", ParcelSize.SMALL))
                    .expectEvents(took("a-2", OTHER_PARCEL, ParcelSize.SMALL));
        }

        @Test
        void takes_nothing_off_shift() {
            expectRejected(fixture.given(registered(5))
                    .when(new TakeDelivery(COURIER_ID, PARCEL, "a-1", ParcelSize.SMALL)), "courier.off-shift");
        }

        @Test
        void takes_nothing_larger_than_the_free_capacity() {
            expectRejected(fixture.given(registered(5), onShift(), took("a-1", PARCEL, ParcelSize.MEDIUM))
                    .when(new TakeDelivery(COURIER_ID, OTHER_PARCEL, "a-2", ParcelSize.LARGE)), "courier.capacity-exceeded");
        }

        @Test
        void the_same_assignment_taken_again_changes_nothing_even_when_full() {
            fixture.given(registered(1), onShift(), took("a-1", PARCEL, ParcelSize.SMALL))
                    .when(new TakeDelivery(COURIER_ID, PARCEL, "a-1", ParcelSize.SMALL))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void an_assignment_id_held_for_another_delivery_is_refused() {
            expectRejected(fixture.given(registered(5), onShift(), took("a-1", PARCEL, ParcelSize.SMALL))
                    .when(new TakeDelivery(COURIER_ID, OTHER_PARCEL, "a-1", ParcelSize.SMALL)),
                    "courier.assignment-id-taken");
        }

        @Test
        void taking_needs_the_delivery_the_assignment_and_the_size() {
            expectRejected(fixture.given(registered(5), onShift())
                    .when(new TakeDelivery(COURIER_ID, null, "a-1", ParcelSize.SMALL)), "courier.assignment-incomplete");
            expectRejected(fixture.given(registered(5), onShift())
                    .when(new TakeDelivery(COURIER_ID, PARCEL, null, ParcelSize.SMALL)), "courier.assignment-incomplete");
            expectRejected(fixture.given(registered(5), onShift())
                    .when(new TakeDelivery(COURIER_ID, PARCEL, "a-1", null)), "courier.assignment-incomplete");
        }
    }

    @Nested
    class Releasing {

        @Test
        void releases_a_held_assignment() {
            fixture.given(registered(5), onShift(), took("a-1", PARCEL, ParcelSize.SMALL))
                    .when(new ReleaseDelivery(COURIER_ID, "a-1"))
                    .expectEvents(released("a-1", PARCEL));
        }

        @Test
        void releasing_an_assignment_not_held_changes_nothing() {
            fixture.given(registered(5), onShift(), took("a-1", PARCEL, ParcelSize.SMALL), released("a-1", PARCEL))
                    .when(new ReleaseDelivery(COURIER_ID, "a-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void released_room_is_free_again() {
            fixture.given(registered(1), onShift(), took("a-1", PARCEL, ParcelSize.SMALL), released("a-1", PARCEL))
                    .when(new TakeDelivery(COURIER_ID, OTHER_PARCEL, "a-2", ParcelSize.SMALL))
                    .expectEvents(took("a-2", OTHER_PARCEL, ParcelSize.SMALL));
        }
    }

    @Test
    void an_unknown_courier_is_not_found() {
        fixture.givenNoPriorActivity()
                .when(new StartShift(COURIER_ID, DEPOT))
                .expectException(AggregateNotFoundException.class);
    }

    private static void expectRejected(ResultValidator<Courier> result, String code) {
        result.expectException(violating(code)).expectNoEvents();
    }

    // --- test data ----------------------------------------------------------------------------

    private static CourierRegistered registered(int capacity) {
        return new CourierRegistered(COURIER_ID, NAME, capacity, NOW);
    }

    private static ShiftStarted onShift() {
        return new ShiftStarted(COURIER_ID, DEPOT, NOW);
    }

    private static CourierTookDelivery took(String assignmentId, DeliveryId deliveryId, ParcelSize size) {
        return new CourierTookDelivery(COURIER_ID, deliveryId, assignmentId, size, NOW);
    }

    private static CourierReleasedDelivery released(String assignmentId, DeliveryId deliveryId) {
        return new CourierReleasedDelivery(COURIER_ID, deliveryId, assignmentId, NOW);
    }
}
