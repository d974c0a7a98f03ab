package io.pantrade.kernel.delivery;

import java.time.Instant;

public record DeliveryPickedUp(DeliveryId deliveryId,
                               CourierId courierId,
                               Instant pickedUpAt) {
}
