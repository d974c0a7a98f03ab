package io.pantrade.kernel;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The one place that decides what an identifier string looks like. */
public final class Uuids {

    private Uuids() {
    }

    /** @return the canonical lower-case form of {@code value} */
    public static String requireUuid(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        try {
            String canonical = UUID.fromString(value).toString();
            if (!canonical.equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(what + " is not a UUID: " + value);
            }
            return canonical;
        } catch (IllegalArgumentException notUuid) {
            throw new IllegalArgumentException(what + " is not a UUID: " + value);
        }
    }

    /**
     * A name-based id: the same {@code kind} and {@code source} always give the same UUID, so a step
     * run twice (a retried request, a redelivered event) targets the same thing instead of creating
     * another. {@code kind} ("order", "payment") keeps one source from naming two things alike.
     */
    public static String derived(String kind, String source) {
        return UUID.nameUUIDFromBytes(("pantrade:" + kind + ":" + source).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
