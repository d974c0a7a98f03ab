package io.pantrade.kernel.payment;

/** What a payment provider answered to an authorization. */
public enum AuthorizationOutcome {
    APPROVED,
    /** the card issuer refused, e.g. insufficient funds; the reason says why */
    DECLINED,
    /** the provider could not process it; nothing is held */
    FAILED
}
