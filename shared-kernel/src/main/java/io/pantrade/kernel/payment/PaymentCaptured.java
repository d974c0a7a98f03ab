package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;

import java.time.Instant;

/** {@code fee} is the part of {@code amount} the engine's operator keeps; the merchant is owed the rest. */
public record PaymentCaptured(PaymentId paymentId, String captureId, Money amount, Money fee, Instant capturedAt) {
}
