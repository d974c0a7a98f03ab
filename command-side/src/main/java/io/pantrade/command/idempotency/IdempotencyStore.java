package io.pantrade.command.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers, per Idempotency-Key, which request was first sent with it and what it was answered.
 * Durable, so that a retry after a restart still gets the first answer.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code key} for a request with this fingerprint. A claim left by a request that never
     * finished (its process died) is taken over once it is older than {@code lease}.
     */
    Claim claim(String key, String fingerprint, Instant now, Duration lease);

    void complete(String key, StoredResponse response);

    /** Forgets a claim whose request failed unexpectedly, so that a retry runs it again. */
    void release(String key);

    /** @return how many records were removed */
    long purgeCreatedBefore(Instant cutoff);

    sealed interface Claim {
        record Acquired() implements Claim {
        }

        record AlreadyAnswered(StoredResponse response) implements Claim {
        }

        record StillRunning() implements Claim {
        }

        record UsedForAnotherRequest() implements Claim {
        }
    }
}
