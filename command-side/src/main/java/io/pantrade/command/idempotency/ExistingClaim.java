package io.pantrade.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What a store found under a key that was already taken, and the one decision every store makes
 * from it. {@code response} is {@code null} while the first request is still running.
 */
record ExistingClaim(String fingerprint, Instant claimedAt, StoredResponse response) {

    IdempotencyStore.Claim decide(String requestFingerprint, Instant now, Duration lease, BooleanSupplier takeOver) {
        // fingerprints are MACs: compared in constant time
        if (!MessageDigest.isEqual(fingerprint.getBytes(StandardCharsets.US_ASCII),
                requestFingerprint.getBytes(StandardCharsets.US_ASCII))) {
            return new IdempotencyStore.Claim.UsedForAnotherRequest();
        }
        if (response != null) {
            return new IdempotencyStore.Claim.AlreadyAnswered(response);
        }
        boolean abandoned = claimedAt.plus(lease).isBefore(now);
        return abandoned && takeOver.getAsBoolean()
                ? new IdempotencyStore.Claim.Acquired()
                : new IdempotencyStore.Claim.StillRunning();
    }
}
