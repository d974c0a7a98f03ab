package io.pantrade.kernel.payment;

import java.time.Instant;

public record PaymentFailed(PaymentId paymentId, String reason, Instant failedAt) {
}
