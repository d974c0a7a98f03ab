package io.pantrade.kernel.delivery;

import java.time.Instant;

public record CourierReleasedDelivery(CourierId courierId,
                                      DeliveryId deliveryId,
                                      String assignmentId,
                                      Instant at) {
}
