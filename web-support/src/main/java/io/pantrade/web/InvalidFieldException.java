package io.pantrade.web;

/** Raised where input is checked by hand (path variables, headers) rather than by Bean Validation. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
