package io.pantrade.kernel.payment;

/** Answered with a {@link PaymentView}, or {@code null} when no such payment is known. */
public record FindPayment(PaymentId paymentId) {
}
