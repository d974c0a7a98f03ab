package io.pantrade.kernel.delivery;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Frees the room one assignment took; releasing an assignment the courier does not hold changes nothing. */
public record ReleaseDelivery(@TargetAggregateIdentifier CourierId courierId,
                              String assignmentId) {
}
