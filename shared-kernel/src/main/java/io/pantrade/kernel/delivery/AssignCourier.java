package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the delivery to a courier; the courier must be on shift and have room for the parcel. */
public record AssignCourier(@TargetAggregateIdentifier DeliveryId deliveryId,
                            CourierId courierId) {
}
