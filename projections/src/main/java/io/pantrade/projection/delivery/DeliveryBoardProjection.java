package io.pantrade.projection.delivery;

import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierReassigned;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.DeliveryAccepted;
import io.pantrade.kernel.delivery.DeliveryCancelled;
import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryFailed;
import io.pantrade.kernel.delivery.DeliveryPickedUp;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.delivery.Deliveries.Step;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

@ProcessingGroup(DeliveryBoardProjection.PROCESSOR)
public class DeliveryBoardProjection {

    public static final String PROCESSOR = "delivery-board";

    private final Deliveries deliveries;

    public DeliveryBoardProjection(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @EventHandler
    void on(DeliveryCreated event, @SequenceNumber long sequence) {
        deliveries.created(event, sequence, MongoBatch.current());
    }

    @EventHandler
    void on(CourierAssigned event, @SequenceNumber long sequence) {
        deliveries.stepped(event.deliveryId(), sequence, Step.COURIER_ASSIGNED, event.courierId(), null, null,
                event.assignedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(CourierReassigned event, @SequenceNumber long sequence) {
        deliveries.stepped(event.deliveryId(), sequence, Step.COURIER_REASSIGNED, event.toCourierId(), null, null,
                event.reassignedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(CourierUnassigned event, @SequenceNumber long sequence) {
        deliveries.stepped(event.deliveryId(), sequence, Step.COURIER_UNASSIGNED, event.courierId(), event.reason(),
                null, event.unassignedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(DeliveryAccepted event, @SequenceNumber long sequence) {
        deliveries.stepped(event.deliveryId(), sequence, Step.ACCEPTED, event.courierId(), null, null,
                event.acceptedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(DeliveryPickedUp event, @SequenceNumber long sequence) {
        deliveries.stepped(event.deliveryId(), sequence, Step.PICKED_UP, event.courierId(), null, null,
                event.pickedUpAt(), MongoBatch.current());
    }

    /** The event carries no time of its own beside the proof's: the step is when it was recorded. */
    @EventHandler
    void on(DeliveryDelivered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        deliveries.stepped(event.deliveryId(), sequence, Step.DELIVERED, event.courierId(), null, event.proof(), at,
                MongoBatch.current());
    }

    @EventHandler
    void on(DeliveryFailed event, @SequenceNumber long sequence) {
        deliveries.stepped(event.deliveryId(), sequence, Step.FAILED, event.courierId(), event.reason(), null,
                event.failedAt(), MongoBatch.current());
    }

    @EventHandler
    void on(DeliveryCancelled event, @SequenceNumber long sequence) {
        deliveries.stepped(event.deliveryId(), sequence, Step.CANCELLED, event.courierId(), event.reason(), null,
                event.cancelledAt(), MongoBatch.current());
    }

    @ResetHandler
    void reset() {
        deliveries.dropAll();
    }
}
