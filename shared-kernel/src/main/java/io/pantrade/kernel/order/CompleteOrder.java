package io.pantrade.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CompleteOrder(@TargetAggregateIdentifier OrderId orderId) {
}
