package io.pantrade.saga.fulfilment;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.delivery.CancelDelivery;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierReassigned;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.CreateDelivery;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryFailed;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.kernel.delivery.DeliveryProof;
import io.pantrade.kernel.delivery.FailDelivery;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.delivery.UnassignCourier;
import io.pantrade.kernel.fulfilment.FulfilmentIds;
import io.pantrade.kernel.order.CancelOrder;
import io.pantrade.kernel.order.CompleteOrder;
import io.pantrade.kernel.order.Fulfilment;
import io.pantrade.kernel.order.FulfilmentRequested;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.AuthorizePayment;
import io.pantrade.kernel.payment.CapturePayment;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentAuthorized;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentDeclined;
import io.pantrade.kernel.payment.PaymentFailed;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentOutcomeUnknown;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.kernel.payment.PaymentVoided;
import io.pantrade.kernel.payment.RefundPayment;
import io.pantrade.kernel.payment.VoidPayment;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.kernel.rules.RuleViolatedException;
import io.pantrade.kernel.rules.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class OrderFulfilmentSagaTest {

    private static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");
    private static final FulfilmentTimeouts TIMEOUTS = new FulfilmentTimeouts(
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(2), 2);

    private static final OrderId ORDER = new OrderId("6f1c1e0a-3b7d-4f7e-9a51-0c2b8d4e5f60");
    private static final String ORDER_ID = ORDER.value();
    private static final PaymentId PAYMENT = FulfilmentIds.paymentOf(ORDER);
    private static final DeliveryId DELIVERY = FulfilmentIds.deliveryOf(ORDER);
    private static final CustomerId CUSTOMER = new CustomerId("0b9e2c4d-8a1f-4c3e-b6d7-1e2f3a4b5c6d");
    private static final CourierId COURIER = new CourierId("1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d");
    private static final CourierId OTHER_COURIER = new CourierId("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    private static final Money TOTAL = new Money(2_500, "EUR");
    private static final SealedText DROP_OFF = new SealedText(CUSTOMER.value(), "Y2lwaGVy");
    private static final Fulfilment FULFILMENT = new Fulfilment(new MerchantId("3c2b1a09-8f7e-4d6c-b5a4-938271605f4e"),
            new CardReference("tok_1", "visa", "4242"), new GeoPoint(52.52, 13.405),
            new TimeWindow(NOW, NOW.plus(Duration.ofHours(3))), ParcelSize.SMALL);

    private static final FulfilmentRequested REQUESTED = new FulfilmentRequested(ORDER, CUSTOMER, TOTAL, FULFILMENT, DROP_OFF);
    private static final PaymentAuthorized AUTHORIZED = new PaymentAuthorized(PAYMENT, TOTAL, "psp-1", NOW,
            NOW.plus(Duration.ofDays(7)));
    private static final CourierAssigned ASSIGNED = new CourierAssigned(DELIVERY, COURIER, "a-1", ParcelSize.SMALL, NOW);
    private static final DeliveryPickedUp PICKED_UP = new DeliveryPickedUp(DELIVERY, COURIER, NOW);
    private static final DeliveryDelivered DELIVERED = new DeliveryDelivered(DELIVERY, COURIER, "a-1",
            new DeliveryProof(NOW, null, null));
    private static final PaymentCaptured CAPTURED = new PaymentCaptured(PAYMENT, FulfilmentIds.captureOf(ORDER), TOTAL,
            new Money(103, "EUR"), NOW);

    private FixtureConfiguration fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        fixture.registerResource(TIMEOUTS);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Nested
    class OnItsWay {

        @Test
        void a_requested_fulfilment_authorizes_the_payment_and_waits_for_its_outcome() {
            fixture.givenNoPriorActivity()
                    .whenAggregate(ORDER_ID).publishes(REQUESTED)
                    .expectActiveSagas(1)
                    .expectDispatchedCommands(new AuthorizePayment(PAYMENT, ORDER, CUSTOMER, FULFILMENT.merchantId(),
                            TOTAL, FULFILMENT.card()))
                    .expectScheduledDeadlineWithName(TIMEOUTS.paymentOutcome(), OrderFulfilmentSaga.PAYMENT_OUTCOME);
        }

        @Test
        void an_authorized_payment_creates_the_delivery_and_waits_for_a_courier() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .whenAggregate(PAYMENT.value()).publishes(AUTHORIZED)
                    .expectDispatchedCommands(new CreateDelivery(DELIVERY, ORDER, FULFILMENT.pickup(), DROP_OFF,
                            FULFILMENT.window(), FULFILMENT.size()))
                    .expectNoScheduledDeadlineWithName(TIMEOUTS.paymentOutcome(), OrderFulfilmentSaga.PAYMENT_OUTCOME)
                    .expectScheduledDeadlineWithName(TIMEOUTS.courierAssignment(), OrderFulfilmentSaga.COURIER_ASSIGNMENT);
        }

        @Test
        void an_assigned_courier_has_until_the_pickup_deadline() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .whenAggregate(DELIVERY.value()).publishes(ASSIGNED)
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineWithName(TIMEOUTS.courierAssignment(), OrderFulfilmentSaga.COURIER_ASSIGNMENT)
                    .expectScheduledDeadlineWithName(TIMEOUTS.pickup(), OrderFulfilmentSaga.PICKUP);
        }

        @Test
        void a_picked_up_parcel_has_until_the_delivery_deadline() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED)
                    .whenAggregate(DELIVERY.value()).publishes(PICKED_UP)
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlineWithName(TIMEOUTS.pickup(), OrderFulfilmentSaga.PICKUP)
                    .expectScheduledDeadlineWithName(TIMEOUTS.delivery(), OrderFulfilmentSaga.DELIVERY);
        }

        @Test
        void a_delivered_parcel_captures_the_authorized_amount_once_by_a_capture_named_after_the_order() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED, PICKED_UP)
                    .whenAggregate(DELIVERY.value()).publishes(DELIVERED)
                    .expectDispatchedCommands(new CapturePayment(PAYMENT, FulfilmentIds.captureOf(ORDER), TOTAL))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void the_capture_completes_the_order() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED, PICKED_UP, DELIVERED)
                    .whenAggregate(PAYMENT.value()).publishes(CAPTURED)
                    .expectDispatchedCommands(new CompleteOrder(ORDER))
                    .expectActiveSagas(1);
        }

        @Test
        void the_completed_order_ends_the_saga() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED, PICKED_UP, DELIVERED)
                    .andThenAggregate(PAYMENT.value()).published(CAPTURED)
                    .whenAggregate(ORDER_ID).publishes(new OrderCompleted(ORDER))
                    .expectActiveSagas(0)
                    .expectNoDispatchedCommands();
        }

        @Test
        void an_unknown_payment_outcome_waits_for_reconciliation_without_authorizing_again() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .whenAggregate(PAYMENT.value()).publishes(new PaymentOutcomeUnknown(PAYMENT, "time-out", NOW))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1)
                    .expectScheduledDeadlineWithName(TIMEOUTS.paymentOutcome(), OrderFulfilmentSaga.PAYMENT_OUTCOME);
        }

        @Test
        void a_payment_settled_by_reconciliation_after_being_unknown_goes_on_as_usual() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(new PaymentOutcomeUnknown(PAYMENT, "time-out", NOW))
                    .whenAggregate(PAYMENT.value()).publishes(AUTHORIZED)
                    .expectDispatchedCommands(new CreateDelivery(DELIVERY, ORDER, FULFILMENT.pickup(), DROP_OFF,
                            FULFILMENT.window(), FULFILMENT.size()));
        }

        @Test
        void a_second_approval_of_the_same_payment_changes_nothing() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .whenAggregate(PAYMENT.value()).publishes(AUTHORIZED)
                    .expectNoDispatchedCommands();
        }

        @Test
        void a_reassigned_delivery_gives_the_new_courier_the_whole_pickup_time() throws Exception {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED)
                    .andThenTimeElapses(Duration.ofMinutes(20))
                    .whenAggregate(DELIVERY.value()).publishes(new CourierReassigned(DELIVERY, COURIER, "a-1",
                            OTHER_COURIER, "a-2", ParcelSize.SMALL, NOW))
                    .expectScheduledDeadlineWithName(TIMEOUTS.pickup(), OrderFulfilmentSaga.PICKUP);
        }

        @Test
        void an_unassigned_delivery_waits_for_a_courier_again() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED)
                    .whenAggregate(DELIVERY.value()).publishes(new CourierUnassigned(DELIVERY, COURIER, "a-1",
                            "declined by courier", NOW))
                    .expectNoScheduledDeadlineWithName(TIMEOUTS.pickup(), OrderFulfilmentSaga.PICKUP)
                    .expectScheduledDeadlineWithName(TIMEOUTS.courierAssignment(), OrderFulfilmentSaga.COURIER_ASSIGNMENT);
        }
    }

    @Nested
    class Compensations {

        @Test
        void a_declined_payment_cancels_the_order_and_ends_the_saga() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .whenAggregate(PAYMENT.value()).publishes(new PaymentDeclined(PAYMENT, "insufficient funds", NOW))
                    .expectDispatchedCommands(new CancelOrder(ORDER, "payment declined: insufficient funds"))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        @Test
        void a_failed_payment_cancels_the_order_and_ends_the_saga() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .whenAggregate(PAYMENT.value()).publishes(new PaymentFailed(PAYMENT, "provider error", NOW))
                    .expectDispatchedCommands(new CancelOrder(ORDER, "payment failed: provider error"))
                    .expectActiveSagas(0);
        }

        @Test
        void a_refused_authorization_cancels_the_order() {
            fixture.setCallbackBehavior((command, metaData) -> {
                if (command instanceof AuthorizePayment) {
                    throw refusal("payment.amount-above-limit");
                }
                return null;
            });
            fixture.givenNoPriorActivity()
                    .whenAggregate(ORDER_ID).publishes(REQUESTED)
                    .expectDispatchedCommands(
                            new AuthorizePayment(PAYMENT, ORDER, CUSTOMER, FULFILMENT.merchantId(), TOTAL, FULFILMENT.card()),
                            new CancelOrder(ORDER, "payment refused: payment.amount-above-limit"))
                    .expectActiveSagas(0);
        }

        @Test
        void a_failed_delivery_voids_the_payment_and_cancels_the_order() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED, PICKED_UP)
                    .whenAggregate(DELIVERY.value()).publishes(new DeliveryFailed(DELIVERY, COURIER, "a-1",
                            "nobody home", NOW))
                    .expectDispatchedCommands(new VoidPayment(PAYMENT, "delivery failed: nobody home"),
                            new CancelOrder(ORDER, "delivery failed: nobody home"))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(1);
        }

        @Test
        void the_voided_payment_ends_the_undone_saga() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(new DeliveryFailed(DELIVERY, COURIER, "a-1",
                            "nobody home", NOW))
                    .whenAggregate(PAYMENT.value()).publishes(new PaymentVoided(PAYMENT, TOTAL,
                            "delivery failed: nobody home", NOW))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0);
        }

        @Test
        void a_failed_delivery_after_a_capture_refunds_it() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED, CAPTURED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED, PICKED_UP)
                    .whenAggregate(DELIVERY.value()).publishes(new DeliveryFailed(DELIVERY, COURIER, "a-1",
                            "parcel damaged", NOW))
                    .expectDispatchedCommands(
                            new RefundPayment(PAYMENT, FulfilmentIds.refundOf(ORDER), TOTAL, "delivery failed: parcel damaged"),
                            new CancelOrder(ORDER, "delivery failed: parcel damaged"));
        }

        @Test
        void the_refund_ends_the_undone_saga() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED, CAPTURED)
                    .andThenAggregate(DELIVERY.value()).published(new DeliveryFailed(DELIVERY, COURIER, "a-1",
                            "parcel damaged", NOW))
                    .whenAggregate(PAYMENT.value()).publishes(new PaymentRefunded(PAYMENT, FulfilmentIds.refundOf(ORDER),
                            TOTAL, new Money(103, "EUR"), "parcel damaged", NOW))
                    .expectActiveSagas(0);
        }

        @Test
        void a_customer_cancelling_before_pickup_voids_the_payment() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED,
                            new DeliveryCancelled(DELIVERY, COURIER, "a-1", "order cancelled: changed my mind", NOW))
                    .whenAggregate(ORDER_ID).publishes(new OrderCancelled(ORDER, "changed my mind"))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(1);
        }

        @Test
        void the_cancelled_delivery_releases_the_hold_as_soon_as_it_is_seen() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED)
                    .whenAggregate(DELIVERY.value()).publishes(new DeliveryCancelled(DELIVERY, COURIER, "a-1",
                            "order cancelled: changed my mind", NOW))
                    .expectDispatchedCommands(new VoidPayment(PAYMENT, "order cancelled: changed my mind"),
                            new CancelOrder(ORDER, "order cancelled: changed my mind"))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void an_order_cancelled_before_its_payment_is_answered_voids_a_late_approval() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED, new OrderCancelled(ORDER, "changed my mind"))
                    .whenAggregate(PAYMENT.value()).publishes(AUTHORIZED)
                    .expectDispatchedCommands(new VoidPayment(PAYMENT, "order cancelled: changed my mind"))
                    .expectActiveSagas(1);
        }

        @Test
        void an_order_cancelled_before_its_payment_is_answered_ends_with_a_decline() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED, new OrderCancelled(ORDER, "changed my mind"))
                    .whenAggregate(PAYMENT.value()).publishes(new PaymentDeclined(PAYMENT, "do not honour", NOW))
                    .expectNoDispatchedCommands()
                    .expectActiveSagas(0);
        }
    }

    @Nested
    class Deadlines {

        @Test
        void no_payment_outcome_in_time_cancels_the_order_and_waits_to_void_what_may_still_be_approved() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(new PaymentOutcomeUnknown(PAYMENT, "time-out", NOW))
                    .whenTimeElapses(TIMEOUTS.paymentOutcome())
                    .expectDeadlinesMet(new StepDue(1))
                    .expectDispatchedCommands(new CancelOrder(ORDER, "payment not confirmed within PT10M"))
                    .expectActiveSagas(1);
        }

        @Test
        void no_courier_in_time_cancels_the_delivery_voids_the_payment_and_cancels_the_order() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .whenTimeElapses(TIMEOUTS.courierAssignment())
                    .expectDispatchedCommands(new CancelDelivery(DELIVERY, "no courier within PT15M"),
                            new VoidPayment(PAYMENT, "no courier within PT15M"),
                            new CancelOrder(ORDER, "no courier within PT15M"));
        }

        @Test
        void a_courier_who_does_not_pick_up_in_time_is_replaced() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED)
                    .whenTimeElapses(TIMEOUTS.pickup())
                    .expectDispatchedCommands(new UnassignCourier(DELIVERY, "not picked up within PT30M"));
        }

        @Test
        void when_couriers_keep_missing_the_pickup_the_order_is_undone() throws Exception {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED)
                    .andThenTimeElapses(TIMEOUTS.pickup())
                    .andThenAggregate(DELIVERY.value()).published(
                            new CourierUnassigned(DELIVERY, COURIER, "a-1", "not picked up within PT30M", NOW),
                            new CourierAssigned(DELIVERY, OTHER_COURIER, "a-2", ParcelSize.SMALL, NOW))
                    .whenTimeElapses(TIMEOUTS.pickup())
                    .expectDispatchedCommands(new CancelDelivery(DELIVERY, "not picked up within PT30M"),
                            new VoidPayment(PAYMENT, "not picked up within PT30M"),
                            new CancelOrder(ORDER, "not picked up within PT30M"));
        }

        @Test
        void a_parcel_not_delivered_in_time_fails_its_delivery() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED, PICKED_UP)
                    .whenTimeElapses(TIMEOUTS.delivery())
                    .expectDispatchedCommands(new FailDelivery(DELIVERY, null, "not delivered within PT2H"));
        }

        @Test
        void a_step_completed_before_its_deadline_leaves_nothing_to_fire() {
            fixture.givenAggregate(ORDER_ID).published(REQUESTED)
                    .andThenAggregate(PAYMENT.value()).published(AUTHORIZED)
                    .andThenAggregate(DELIVERY.value()).published(ASSIGNED, PICKED_UP, DELIVERED)
                    .andThenAggregate(PAYMENT.value()).published(CAPTURED)
                    .whenTimeElapses(Duration.ofDays(1))
                    .expectNoDispatchedCommands()
                    .expectDeadlinesMet();
        }
    }

    private static RuntimeException refusal(String code) {
        RuleViolation rule = new RuleViolation(code, "refused", RuleViolation.Kind.UNPROCESSABLE);
        return new CommandExecutionException(rule.detail(), new RuleViolatedException(rule), rule);
    }
}
