package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;

import java.time.Instant;

/**
 * {@code feeReturned} is the share of the captured fees given back with this refund, pro rata, so
 * that a full refund returns every fee and the merchant is never asked for more than it was paid.
 */
public record PaymentRefunded(PaymentId paymentId, String refundId, Money amount, Money feeReturned, String reason,
                              Instant refundedAt) {
}
