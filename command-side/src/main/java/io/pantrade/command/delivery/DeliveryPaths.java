package io.pantrade.command.delivery;

import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.web.PathIds;

/** The ids in the courier and delivery APIs' paths, named as the paths name them. */
final class DeliveryPaths {

    private DeliveryPaths() {
    }

    static CourierId courier(String raw) {
        return PathIds.parse(raw, "courierId", CourierId::new);
    }

    static DeliveryId delivery(String raw) {
        return PathIds.parse(raw, "deliveryId", DeliveryId::new);
    }
}
