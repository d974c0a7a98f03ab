package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code courierId} is {@code null} when the engine gives up on the delivery (e.g. overdue), not a courier. */
public record FailDelivery(@TargetAggregateIdentifier DeliveryId deliveryId,
                           CourierId courierId,
                           String reason) {
}
