package io.pantrade.kernel.delivery;

import java.time.Instant;

/** {@code assignmentId} names this hand-over, so the courier's capacity is released for exactly this one. */
public record CourierAssigned(DeliveryId deliveryId,
                              CourierId courierId,
                              String assignmentId,
                              ParcelSize size,
                              Instant assignedAt) {
}
