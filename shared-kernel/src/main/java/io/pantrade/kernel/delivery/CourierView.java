package io.pantrade.kernel.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A courier as the roster shows it: whether on shift, where last seen, and the deliveries held now
 * ({@code load} is their capacity units). The courier's name is personal data and not part of it.
 */
public record CourierView(CourierId courierId,
                          boolean onShift,
                          GeoPoint location,
                          Instant locationAt,
                          int capacity,
                          int load,
                          List<DeliveryId> deliveries) {

    public CourierView {
        deliveries = List.copyOf(deliveries);
    }

    public int freeCapacity() {
        return Math.max(0, capacity - load);
    }
}
