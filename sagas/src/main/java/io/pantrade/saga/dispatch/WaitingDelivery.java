package io.pantrade.saga.dispatch;

import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;

import java.time.Instant;
import java.util.Set;

/** A delivery waiting for a courier; {@code notAgain} are couriers it was taken back from. */
public record WaitingDelivery(DeliveryId deliveryId, GeoPoint pickup, ParcelSize size, Instant waitingSince,
                              Set<CourierId> notAgain) {

    public WaitingDelivery {
        notAgain = Set.copyOf(notAgain);
    }
}
