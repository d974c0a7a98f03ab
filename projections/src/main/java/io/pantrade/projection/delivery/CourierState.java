package io.pantrade.projection.delivery;

import io.pantrade.kernel.delivery.GeoPoint;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A courier as the roster keeps it. {@code held} has one entry per assignment id, so a delivery
 * taken or released twice is counted once.
 */
record CourierState(String courierId, boolean onShift, GeoPoint location, Instant locationAt, int capacity,
                    Map<String, Held> held, long appliedSequence) {

    CourierState {
        // insertion order kept: the deliveries are listed in the order they were taken
        held = Collections.unmodifiableMap(new LinkedHashMap<>(held));
    }

    static CourierState registered(String courierId, int capacity, long sequence) {
        return new CourierState(courierId, false, null, null, capacity, Map.of(), sequence);
    }

    int load() {
        return held.values().stream().mapToInt(Held::units).sum();
    }

    int freeCapacity() {
        return Math.max(0, capacity - load());
    }

    CourierState shift(boolean starts) {
        return new CourierState(courierId, starts, location, locationAt, capacity, held, appliedSequence);
    }

    CourierState at(GeoPoint where, Instant when) {
        return new CourierState(courierId, onShift, where, when, capacity, held, appliedSequence);
    }

    CourierState capacity(int units) {
        return new CourierState(courierId, onShift, location, locationAt, units, held, appliedSequence);
    }

    CourierState took(String assignmentId, Held delivery) {
        Map<String, Held> more = new LinkedHashMap<>(held);
        more.put(assignmentId, delivery);
        return new CourierState(courierId, onShift, location, locationAt, capacity, more, appliedSequence);
    }

    CourierState released(String assignmentId) {
        Map<String, Held> fewer = new LinkedHashMap<>(held);
        fewer.remove(assignmentId);
        return new CourierState(courierId, onShift, location, locationAt, capacity, fewer, appliedSequence);
    }

    CourierState applied(long sequence) {
        return new CourierState(courierId, onShift, location, locationAt, capacity, held, sequence);
    }

    /** What the on-shift collection shows of the courier: nothing off shift, else the room left. */
    Integer rosterEntry() {
        return onShift ? freeCapacity() : null;
    }

    record Held(String deliveryId, int units) {
    }
}
