package io.pantrade.projection.delivery;

import io.pantrade.kernel.delivery.CourierCapacityChanged;
import io.pantrade.kernel.delivery.CourierLocationUpdated;
import io.pantrade.kernel.delivery.CourierRegistered;
import io.pantrade.kernel.delivery.CourierReleasedDelivery;
import io.pantrade.kernel.delivery.CourierTookDelivery;
import io.pantrade.kernel.delivery.ShiftEnded;
import io.pantrade.kernel.delivery.ShiftStarted;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.delivery.CourierState.Held;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/** The courier's name is personal data: the roster does not keep it. */
@ProcessingGroup(CourierRosterProjection.PROCESSOR)
public class CourierRosterProjection {

    public static final String PROCESSOR = "courier-roster";

    private final Couriers couriers;

    public CourierRosterProjection(Couriers couriers) {
        this.couriers = couriers;
    }

    @EventHandler
    void on(CourierRegistered event, @SequenceNumber long sequence) {
        couriers.registered(event.courierId(), event.capacity(), sequence, MongoBatch.current());
    }

    @EventHandler
    void on(ShiftStarted event, @SequenceNumber long sequence) {
        couriers.changed(event.courierId(), sequence,
                courier -> courier.shift(true).at(event.location(), event.startedAt()),
                MongoBatch.current());
    }

    @EventHandler
    void on(ShiftEnded event, @SequenceNumber long sequence) {
        couriers.changed(event.courierId(), sequence, courier -> courier.shift(false), MongoBatch.current());
    }

    @EventHandler
    void on(CourierLocationUpdated event, @SequenceNumber long sequence) {
        couriers.changed(event.courierId(), sequence, courier -> courier.at(event.location(), event.at()),
                MongoBatch.current());
    }

    @EventHandler
    void on(CourierCapacityChanged event, @SequenceNumber long sequence) {
        couriers.changed(event.courierId(), sequence, courier -> courier.capacity(event.capacity()),
                MongoBatch.current());
    }

    @EventHandler
    void on(CourierTookDelivery event, @SequenceNumber long sequence) {
        Held delivery = new Held(event.deliveryId().value(), event.size().units());
        couriers.changed(event.courierId(), sequence, courier -> courier.took(event.assignmentId(), delivery),
                MongoBatch.current());
    }

    @EventHandler
    void on(CourierReleasedDelivery event, @SequenceNumber long sequence) {
        couriers.changed(event.courierId(), sequence, courier -> courier.released(event.assignmentId()),
                MongoBatch.current());
    }

    @ResetHandler
    void reset() {
        couriers.dropAll();
    }
}
