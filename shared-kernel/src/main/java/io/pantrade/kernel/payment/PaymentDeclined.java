package io.pantrade.kernel.payment;

import java.time.Instant;

public record PaymentDeclined(PaymentId paymentId, String reason, Instant declinedAt) {
}
