package io.pantrade.kernel.delivery;

/** Answered with a {@link DeliveryView}, or {@code null} when no such delivery is known. */
public record FindDelivery(DeliveryId deliveryId) {
}
