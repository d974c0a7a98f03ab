package io.pantrade.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when the provider's answer is known: from a verified webhook or from reconciliation. */
public record RecordAuthorizationOutcome(@TargetAggregateIdentifier PaymentId paymentId,
                                         AuthorizationOutcome outcome,
                                         String providerReference,
                                         String reason) {
}
