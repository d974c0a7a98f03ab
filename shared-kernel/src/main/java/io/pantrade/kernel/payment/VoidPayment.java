package io.pantrade.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record VoidPayment(@TargetAggregateIdentifier PaymentId paymentId, String reason) {
}
