package io.pantrade.kernel.delivery;

public record DeliveryDelivered(DeliveryId deliveryId,
                                CourierId courierId,
                                String assignmentId,
                                DeliveryProof proof) {
}
