package io.pantrade.projection.fulfilment;

import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierReassigned;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.DeliveryAccepted;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryFailed;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.kernel.order.FulfilmentRequested;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.payment.AuthorizationExpired;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentAuthorized;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentDeclined;
import io.pantrade.kernel.payment.PaymentFailed;
import io.pantrade.kernel.payment.PaymentOutcomeUnknown;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.kernel.payment.PaymentVoided;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.fulfilment.FulfilmentTimelines.Step;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

/**
 * An order's fulfilment as one timeline, from the order's, its payment's and its delivery's events.
 * Where an event carries no time of its own, its step is when it was recorded. A step's detail is
 * the reason given, or the courier it names.
 */
@ProcessingGroup(FulfilmentTimelineProjection.PROCESSOR)
public class FulfilmentTimelineProjection {

    public static final String PROCESSOR = "fulfilment-timelines";

    private final FulfilmentTimelines timelines;

    public FulfilmentTimelineProjection(FulfilmentTimelines timelines) {
        this.timelines = timelines;
    }

    // --- the order ------------------------------------------------------------------------------

    @EventHandler
    void on(FulfilmentRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timelines.requested(event.orderId(), sequence, at, MongoBatch.current());
    }

    @EventHandler
    void on(OrderCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timelines.orderStepped(event.orderId(), sequence, Step.ORDER_COMPLETED, null, at, MongoBatch.current());
    }

    @EventHandler
    void on(OrderCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timelines.orderStepped(event.orderId(), sequence, Step.ORDER_CANCELLED, event.reason(), at,
                MongoBatch.current());
    }

    // --- its payment ----------------------------------------------------------------------------

    @EventHandler
    void on(PaymentAuthorizationRequested event, @SequenceNumber long sequence) {
        timelines.paymentRequested(event, sequence, MongoBatch.current());
    }

    @EventHandler
    void on(PaymentOutcomeUnknown event, @SequenceNumber long sequence) {
        timelines.paymentStepped(event.paymentId(), sequence, Step.PAYMENT_UNKNOWN, event.reason(), event.at(),
                MongoBatch.current());
    }

    @EventHandler
    void on(PaymentAuthorized event, @SequenceNumber long sequence) {
        timelines.paymentStepped(event.paymentId(), sequence, Step.PAYMENT_AUTHORIZED, null, event.authorizedAt(),
                MongoBatch.current());
    }

    @EventHandler
    void on(PaymentDeclined event, @SequenceNumber long sequence) {
        timelines.paymentStepped(event.paymentId(), sequence, Step.PAYMENT_DECLINED, event.reason(),
                event.declinedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long sequence) {
        timelines.paymentStepped(event.paymentId(), sequence, Step.PAYMENT_FAILED, event.reason(), event.failedAt(),
                MongoBatch.current());
    }

    @EventHandler
    void on(PaymentCaptured event, @SequenceNumber long sequence) {
        timelines.paymentStepped(event.paymentId(), sequence, Step.PAYMENT_CAPTURED, null, event.capturedAt(),
                MongoBatch.current());
    }

    @EventHandler
    void on(PaymentVoided event, @SequenceNumber long sequence) {
        timelines.paymentStepped(event.paymentId(), sequence, Step.PAYMENT_VOIDED, event.reason(), event.voidedAt(),
                MongoBatch.current());
    }

    @EventHandler
    void on(AuthorizationExpired event, @SequenceNumber long sequence) {
        timelines.paymentStepped(event.paymentId(), sequence, Step.PAYMENT_EXPIRED, null, event.expiredAt(),
                MongoBatch.current());
    }

    @EventHandler
    void on(PaymentRefunded event, @SequenceNumber long sequence) {
        timelines.paymentStepped(event.paymentId(), sequence, Step.PAYMENT_REFUNDED, event.reason(),
                event.refundedAt(), MongoBatch.current());
    }

    // --- its delivery ---------------------------------------------------------------------------

    @EventHandler
    void on(DeliveryCreated event, @SequenceNumber long sequence) {
        timelines.deliveryCreated(event, sequence, MongoBatch.current());
    }

    @EventHandler
    void on(CourierAssigned event, @SequenceNumber long sequence) {
        timelines.deliveryStepped(event.deliveryId(), sequence, Step.COURIER_ASSIGNED, event.courierId().value(),
                event.assignedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(CourierReassigned event, @SequenceNumber long sequence) {
        timelines.deliveryStepped(event.deliveryId(), sequence, Step.COURIER_REASSIGNED, event.toCourierId().value(),
                event.reassignedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(CourierUnassigned event, @SequenceNumber long sequence) {
        timelines.deliveryStepped(event.deliveryId(), sequence, Step.COURIER_UNASSIGNED, event.reason(),
                event.unassignedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(DeliveryAccepted event, @SequenceNumber long sequence) {
        timelines.deliveryStepped(event.deliveryId(), sequence, Step.DELIVERY_ACCEPTED, event.courierId().value(),
                event.acceptedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(DeliveryPickedUp event, @SequenceNumber long sequence) {
        timelines.deliveryStepped(event.deliveryId(), sequence, Step.PICKED_UP, event.courierId().value(),
                event.pickedUpAt(), MongoBatch.current());
    }

    @EventHandler
    void on(DeliveryDelivered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        timelines.deliveryStepped(event.deliveryId(), sequence, Step.DELIVERED, event.courierId().value(), at,
                MongoBatch.current());
    }

    @EventHandler
    void on(DeliveryFailed event, @SequenceNumber long sequence) {
        timelines.deliveryStepped(event.deliveryId(), sequence, Step.DELIVERY_FAILED, event.reason(),
                event.failedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(DeliveryCancelled event, @SequenceNumber long sequence) {
        timelines.deliveryStepped(event.deliveryId(), sequence, Step.DELIVERY_CANCELLED, event.reason(),
                event.cancelledAt(), MongoBatch.current());
    }

    @ResetHandler
    void reset() {
        timelines.dropAll();
    }
}
