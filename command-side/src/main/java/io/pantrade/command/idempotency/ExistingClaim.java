package io.pantrade.command.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What a store found under a key that was already taken, and the one decision every store makes
 * from it. {@code response} is {@code null} while the first request is still running.
 */
record ExistingClaim(String fingerprint, Instant claimedAt, StoredResponse response) {

    IdempotencyStore.Claim decide(String requestFingerprint, Instant now, Duration lease, BooleanSupplier takeOver) {
        if (!fingerprint.equals(requestFingerprint)) {
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
