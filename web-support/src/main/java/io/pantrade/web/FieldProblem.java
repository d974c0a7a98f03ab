package io.pantrade.web;

/** One field-level message inside a problem's {@code errors} list; {@code field} is a JSON path. */
public record FieldProblem(String field, String message) {
}
