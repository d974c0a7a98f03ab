package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PickUpDelivery(@TargetAggregateIdentifier DeliveryId deliveryId,
                             CourierId courierId) {
}
