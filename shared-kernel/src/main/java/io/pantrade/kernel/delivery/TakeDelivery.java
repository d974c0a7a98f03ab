package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reserves room for a parcel on the courier; refused when the courier is off shift or full. */
public record TakeDelivery(@TargetAggregateIdentifier CourierId courierId,
                           DeliveryId deliveryId,
                           String assignmentId,
                           ParcelSize size) {
}
