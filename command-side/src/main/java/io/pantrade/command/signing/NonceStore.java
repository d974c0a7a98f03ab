package io.pantrade.command.signing;

import java.time.Instant;

/**
 * Remembers the nonces each client has signed requests with, so that a signed request is accepted
 * once only. Durable: a nonce used before a restart is still used after it.
 */
public interface NonceStore {

    /**
     * Records the nonce atomically: of concurrent calls with the same client and nonce, one only
     * gets {@code true}.
     *
     * @return {@code true} the first time this client uses this nonce, {@code false} ever after
     */
    boolean useOnce(String client, String nonce, Instant usedAt);

    /** @return how many were removed */
    long purgeUsedBefore(Instant cutoff);
}
