package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a delivery that has not been picked up from its courier to another one. */
public record ReassignCourier(@TargetAggregateIdentifier DeliveryId deliveryId,
                              CourierId courierId) {
}
