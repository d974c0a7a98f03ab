package io.pantrade.kernel.delivery;

import java.time.Instant;

public record CourierUnassigned(DeliveryId deliveryId,
                                CourierId courierId,
                                String assignmentId,
                                String reason,
                                Instant unassignedAt) {
}
