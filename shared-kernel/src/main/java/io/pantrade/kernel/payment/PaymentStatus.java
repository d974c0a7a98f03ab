package io.pantrade.kernel.payment;

public enum PaymentStatus {
    /** sent to the provider, no answer yet */
    PENDING,
    /** the provider call timed out; reconciliation will find out what happened */
    UNKNOWN,
    AUTHORIZED,
    DECLINED,
    FAILED,
    /** some or all of the hold was captured */
    CAPTURED,
    /** some of the captured money was paid back */
    PARTIALLY_REFUNDED,
    /** everything captured was paid back */
    REFUNDED,
    VOIDED,
    /** the hold period ended before anything was captured */
    EXPIRED
}
