package io.pantrade.kernel.delivery;

import java.time.Instant;

public record DeliveryAccepted(DeliveryId deliveryId,
                               CourierId courierId,
                               Instant acceptedAt) {
}
