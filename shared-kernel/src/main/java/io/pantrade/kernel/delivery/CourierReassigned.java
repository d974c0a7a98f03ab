package io.pantrade.kernel.delivery;

import java.time.Instant;

public record CourierReassigned(DeliveryId deliveryId,
                                CourierId fromCourierId,
                                String fromAssignmentId,
                                CourierId toCourierId,
                                String toAssignmentId,
                                ParcelSize size,
                                Instant reassignedAt) {
}
