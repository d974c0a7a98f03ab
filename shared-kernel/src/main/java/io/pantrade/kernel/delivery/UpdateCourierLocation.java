package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateCourierLocation(@TargetAggregateIdentifier CourierId courierId,
                                    GeoPoint location) {
}
