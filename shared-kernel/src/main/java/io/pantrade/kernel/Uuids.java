package io.pantrade.kernel;

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
}
