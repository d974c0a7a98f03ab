package io.pantrade.command.delivery;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.pantrade.command.AggregateCaches;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static io.pantrade.command.delivery.CourierRule.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A courier and the room left on their bike. Deliveries reserve room here before they count as
 * assigned, so the courier is the one place that decides whether a parcel still fits: two
 * deliveries assigned at the same moment queue on this aggregate, not on a read model.
 */
@Aggregate(snapshotTriggerDefinition = CourierSnapshots.TRIGGER, cache = AggregateCaches.COURIERS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Courier {

    @AggregateIdentifier
    private CourierId courierId;
    private int capacity;
    private boolean onShift;
    /** by assignment id: what each assignment holds, so a release frees exactly its own room */
    private final Map<String, Hold> holds = new HashMap<>();

    /**
     * The courier id comes from the client's Idempotency-Key, so a request re-run after a crash
     * (its events stored, its answer lost) finds its courier here and changes nothing. The name is
     * sealed anew on every attempt, so only the capacity tells two registrations apart.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterCourier command, Clock clock) {
        if (courierId != null) {
            if (command.capacity() != capacity) {
                throw COURIER_ID_TAKEN.violated();
            }
            return;
        }
        if (command.name() == null) {
            throw NEEDS_A_NAME.violated();
        }
        if (!command.name().subjectId().equals(command.courierId().value())) {
            throw NAME_SEALED_FOR_THE_COURIER.violated();
        }
        requireCapacityInRange(command.capacity());
        apply(new CourierRegistered(command.courierId(), command.name(), command.capacity(), clock.instant()));
    }

    @CommandHandler
    void handle(StartShift command, Clock clock) {
        if (onShift) {
            throw SHIFT_STARTS_ONCE.violated();
        }
        apply(new ShiftStarted(courierId, requireLocation(command.location()), clock.instant()));
    }

    @CommandHandler
    void handle(EndShift command, Clock clock) {
        if (!onShift) {
            throw SHIFT_ENDS_ONLY_WHEN_STARTED.violated();
        }
        if (!holds.isEmpty()) {
            throw SHIFT_ENDS_EMPTY_HANDED.violated(holds.size() + " held");
        }
        apply(new ShiftEnded(courierId, clock.instant()));
    }

    @CommandHandler
    void handle(UpdateCourierLocation command, Clock clock) {
        if (!onShift) {
            throw LOCATION_ONLY_ON_SHIFT.violated();
        }
        apply(new CourierLocationUpdated(courierId, requireLocation(command.location()), clock.instant()));
    }

    @CommandHandler
    void handle(ChangeCourierCapacity command, Clock clock) {
        requireCapacityInRange(command.capacity());
        if (command.capacity() < load()) {
            throw CAPACITY_NOT_BELOW_LOAD.violated(command.capacity() + " < " + load());
        }
        apply(new CourierCapacityChanged(courierId, command.capacity(), clock.instant()));
    }

    /** A delivery retrying its own reservation (same assignment, same delivery) gets it again, unchanged. */
    @CommandHandler
    void handle(TakeDelivery command, Clock clock) {
        if (command.deliveryId() == null || command.assignmentId() == null || command.size() == null) {
            throw ASSIGNMENT_COMPLETE.violated();
        }
        Hold held = holds.get(command.assignmentId());
        if (held != null) {
            if (!held.deliveryId().equals(command.deliveryId())) {
                throw ASSIGNMENT_ID_TAKEN.violated();
            }
            return;
        }
        if (!onShift) {
            throw TAKES_ONLY_ON_SHIFT.violated();
        }
        int free = capacity - load();
        if (command.size().units() > free) {
            throw TAKES_WHAT_FITS.violated(command.size() + " takes " + command.size().units() + ", " + free + " free");
        }
        apply(new CourierTookDelivery(courierId, command.deliveryId(), command.assignmentId(), command.size(),
                clock.instant()));
    }

    /** Releases arrive after the fact and may repeat: an assignment not held is already released. */
    @CommandHandler
    void handle(ReleaseDelivery command, Clock clock) {
        Hold held = holds.get(command.assignmentId());
        if (held != null) {
            apply(new CourierReleasedDelivery(courierId, held.deliveryId(), command.assignmentId(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(CourierRegistered event) {
        courierId = event.courierId();
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(ShiftStarted event) {
        onShift = true;
    }

    @EventSourcingHandler
    void on(ShiftEnded event) {
        onShift = false;
    }

    @EventSourcingHandler
    void on(CourierCapacityChanged event) {
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(CourierTookDelivery event) {
        holds.put(event.assignmentId(), new Hold(event.deliveryId(), event.size()));
    }

    @EventSourcingHandler
    void on(CourierReleasedDelivery event) {
        holds.remove(event.assignmentId());
    }

    private int load() {
        return holds.values().stream().mapToInt(hold -> hold.size().units()).sum();
    }

    private static void requireCapacityInRange(int capacity) {
        if (capacity < DeliveryLimits.MIN_CAPACITY || capacity > DeliveryLimits.MAX_CAPACITY) {
            throw CAPACITY_IN_RANGE.violated("got " + capacity);
        }
    }

    private static GeoPoint requireLocation(GeoPoint location) {
        if (location == null) {
            throw NEEDS_A_LOCATION.violated();
        }
        return location;
    }

    private record Hold(DeliveryId deliveryId, ParcelSize size) {
    }

    protected Courier() {
        // Axon creates the instance, then event sourcing or the RegisterCourier handler fills it
    }
}
