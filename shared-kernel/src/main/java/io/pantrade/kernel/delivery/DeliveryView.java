package io.pantrade.kernel.delivery;

import io.pantrade.kernel.order.OrderId;

import java.time.Instant;
import java.util.List;

/**
 * A delivery as the read side shows it, with every step it went through, oldest first. The drop-off
 * address is not part of it: it is the customer's personal data, read through the order.
 */
public record DeliveryView(DeliveryId deliveryId,
                           OrderId orderId,
                           DeliveryStatus status,
                           CourierId courierId,
                           GeoPoint pickup,
                           TimeWindow window,
                           ParcelSize size,
                           Instant createdAt,
                           Instant updatedAt,
                           List<Step> history) {

    public DeliveryView {
        history = List.copyOf(history);
    }

    /** {@code courierId}, {@code reason} and {@code proof} are {@code null} where a step has none. */
    public record Step(String type, CourierId courierId, String reason, DeliveryProof proof, Instant at) {
    }
}
