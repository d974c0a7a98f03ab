package io.pantrade.saga.dispatch;

import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.DeliveryId;

public record Assignment(DeliveryId deliveryId, CourierId courierId) {
}
