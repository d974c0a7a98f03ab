package io.pantrade.web;

import java.util.function.Function;

/** Turns a path variable into a typed id, answering 400 (with the field named) when it is not one. */
public final class PathIds {

    private PathIds() {
    }

    public static <T> T parse(String raw, String field, Function<String, T> factory) {
        return parse(raw, field, "must be a UUID", factory);
    }

    /** @param expected what the field must be, for the problem's field message */
    public static <T> T parse(String raw, String field, String expected, Function<String, T> factory) {
        try {
            return factory.apply(raw);
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidFieldException(field, expected);
        }
    }
}
