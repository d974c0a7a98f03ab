package io.pantrade.kernel.payment;

/** Answered with every payment whose authorization the provider has not answered, as {@link AwaitingOutcome}s. */
public record PaymentsAwaitingOutcome() {
}
