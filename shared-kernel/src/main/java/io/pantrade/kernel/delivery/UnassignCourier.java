package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the delivery back from its courier (declined, or not picked up in time); it waits for a courier again. */
public record UnassignCourier(@TargetAggregateIdentifier DeliveryId deliveryId,
                              String reason) {
}
