package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;

import java.time.Instant;

/** The provider holds {@code amount}; what is not captured by {@code expiresAt} is released. */
public record PaymentAuthorized(PaymentId paymentId, Money amount, String providerReference, Instant authorizedAt,
                                Instant expiresAt) {
}
