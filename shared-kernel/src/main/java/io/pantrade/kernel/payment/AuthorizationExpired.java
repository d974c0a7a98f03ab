package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;

import java.time.Instant;

/** The hold period ended: whatever was authorized and not captured is released. */
public record AuthorizationExpired(PaymentId paymentId, Money released, Instant expiredAt) {
}
