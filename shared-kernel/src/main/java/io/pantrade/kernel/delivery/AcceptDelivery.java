package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AcceptDelivery(@TargetAggregateIdentifier DeliveryId deliveryId,
                             CourierId courierId) {
}
