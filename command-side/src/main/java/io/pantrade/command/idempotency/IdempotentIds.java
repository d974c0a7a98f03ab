package io.pantrade.command.idempotency;

import io.pantrade.kernel.Uuids;

/**
 * Ids derived from the Idempotency-Key (which the filter has checked): a request run twice, as
 * after a crash that lost its answer, targets the same thing instead of creating another.
 */
public final class IdempotentIds {

    private IdempotentIds() {
    }

    /** @param kind what the id names ("order", "payment"), so that one key gives each kind its own id */
    public static String uuidFor(String kind, String idempotencyKey) {
        return Uuids.derived(kind, idempotencyKey);
    }
}
