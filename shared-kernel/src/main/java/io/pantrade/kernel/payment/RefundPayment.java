package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code refundId} names this refund, so that running the same refund twice pays back once. */
public record RefundPayment(@TargetAggregateIdentifier PaymentId paymentId, String refundId, Money amount,
                            String reason) {
}
