package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes the delivery back from its courier (declined, or not picked up in time); it waits for a courier again.
 * {@code courierId} is the courier who declines, who must be the one holding it; {@code null} when
 * operations or the engine take it back.
 */
public record UnassignCourier(@TargetAggregateIdentifier DeliveryId deliveryId,
                              CourierId courierId,
                              String reason) {

    /** Taken back by operations or the engine, not by the courier. */
    public UnassignCourier(DeliveryId deliveryId, String reason) {
        this(deliveryId, null, reason);
    }
}
