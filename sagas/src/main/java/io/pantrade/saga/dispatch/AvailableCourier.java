package io.pantrade.saga.dispatch;

import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.GeoPoint;

/** A courier on shift, where last seen, with {@code freeCapacity} units of room. */
public record AvailableCourier(CourierId courierId, GeoPoint location, int freeCapacity) {
}
