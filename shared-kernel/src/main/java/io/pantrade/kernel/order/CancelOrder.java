package io.pantrade.kernel.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelOrder(@TargetAggregateIdentifier OrderId orderId, String reason) {
}
