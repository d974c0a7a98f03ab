package io.pantrade.kernel.payment;

import java.time.Instant;

public record PaymentOutcomeUnknown(PaymentId paymentId, String reason, Instant at) {
}
