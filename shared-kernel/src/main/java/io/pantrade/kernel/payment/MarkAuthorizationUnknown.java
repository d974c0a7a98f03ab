package io.pantrade.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The call to the provider timed out: it may or may not have authorized; reconciliation will ask. */
public record MarkAuthorizationUnknown(@TargetAggregateIdentifier PaymentId paymentId, String reason) {
}
