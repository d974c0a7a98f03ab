package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EndShift(@TargetAggregateIdentifier CourierId courierId) {
}
