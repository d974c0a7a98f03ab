package io.pantrade.kernel.delivery;

import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.privacy.SealedText;
import java.time.Instant;

public record DeliveryCreated(DeliveryId deliveryId,
                              OrderId orderId,
                              GeoPoint pickup,
                              SealedText dropOff,
                              TimeWindow window,
                              ParcelSize size,
                              Instant createdAt) {
}
