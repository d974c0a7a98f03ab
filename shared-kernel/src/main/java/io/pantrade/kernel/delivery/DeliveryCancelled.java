package io.pantrade.kernel.delivery;

import java.time.Instant;

/** {@code courierId} and {@code assignmentId} are {@code null} when no courier held the delivery. */
public record DeliveryCancelled(DeliveryId deliveryId,
                                CourierId courierId,
                                String assignmentId,
                                String reason,
                                Instant cancelledAt) {
}
