package io.pantrade.command.idempotency;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids derived from the Idempotency-Key (which the filter has checked): a request run twice, as
 * after a crash that lost its answer, targets the same thing instead of creating another.
 */
public final class IdempotentIds {

    private IdempotentIds() {
    }

    /** @param kind what the id names ("order", "payment"), so that one key gives each kind its own id */
    public static String uuidFor(String kind, String idempotencyKey) {
        return UUID.nameUUIDFromBytes(("pantrade:" + kind + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
