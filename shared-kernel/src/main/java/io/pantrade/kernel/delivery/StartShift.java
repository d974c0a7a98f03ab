package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record StartShift(@TargetAggregateIdentifier CourierId courierId,
                         GeoPoint location) {
}
