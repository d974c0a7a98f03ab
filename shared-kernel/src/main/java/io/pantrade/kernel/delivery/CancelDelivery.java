package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Only before pickup: once the parcel travels, it is delivered or it fails. */
public record CancelDelivery(@TargetAggregateIdentifier DeliveryId deliveryId,
                             String reason) {
}
