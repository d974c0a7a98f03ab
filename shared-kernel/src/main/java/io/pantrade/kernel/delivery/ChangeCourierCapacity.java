package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeCourierCapacity(@TargetAggregateIdentifier CourierId courierId,
                                    int capacity) {
}
