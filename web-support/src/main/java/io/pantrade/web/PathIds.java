package io.pantrade.web;

import java.util.function.Function;

/** Turns a path variable into a typed id, answering 400 (with the field named) when it is not one. */
public final class PathIds {

    private PathIds() {
    }

    public static <T> T parse(String raw, String field, Function<String, T> factory) {
        try {
            return factory.apply(raw);
        } catch (IllegalArgumentException notAnId) {
            throw new InvalidFieldException(field, "must be a UUID");
        }
    }
}
