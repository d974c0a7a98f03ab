package io.pantrade.kernel.delivery;

import java.time.Instant;

public record CourierTookDelivery(CourierId courierId,
                                  DeliveryId deliveryId,
                                  String assignmentId,
                                  ParcelSize size,
                                  Instant at) {
}
