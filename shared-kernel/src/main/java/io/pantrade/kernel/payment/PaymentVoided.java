package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;

import java.time.Instant;

/** The whole hold is released before anything was captured. */
public record PaymentVoided(PaymentId paymentId, Money released, String reason, Instant voidedAt) {
}
