package io.pantrade.kernel.crypto;

/** What a webhook's signature header says about its body. Only {@link #VALID} may be acted on. */
public enum WebhookVerdict {
    /** No signature header at all. */
    MISSING,
    /** A header that is not {@code t=<epochSeconds>,v1=<64 hex digits>}. */
    MALFORMED,
    /** Signed further from now than the tolerance, in either direction: possibly a replay. */
    STALE,
    /** No accepted secret gives the MAC sent: the body or timestamp was altered, or the secret is wrong. */
    MISMATCH,
    VALID
}
