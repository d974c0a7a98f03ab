package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;

import java.time.Instant;

/** {@code unknownSince} is {@code null} while the payment is merely waiting, not known to have timed out. */
public record AwaitingOutcome(PaymentId paymentId, MerchantId merchantId, Money amount, CardReference card,
                              Instant requestedAt, Instant unknownSince) {
}
