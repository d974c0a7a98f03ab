package io.pantrade.kernel.payment;

import java.time.Instant;

/**
 * A webhook claiming to come from the payment provider was refused and not acted on. Kept in the
 * event log for the audit: {@code reason} is one of missing-signature, malformed-signature, stale,
 * bad-signature, replayed, unreadable; the body itself is not kept, only its SHA-256.
 */
public record ProviderWebhookRejected(String reason, String bodySha256, Instant receivedAt) {
}
