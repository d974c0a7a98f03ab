package io.pantrade.kernel.rules;

/**
 * Why a command was refused, in a form that survives the trip back over Axon Server as the details
 * of a {@code CommandExecutionException}. {@code code} is stable and becomes the problem type.
 */
public record RuleViolation(String code, String detail, Kind kind) {

    public enum Kind {
        /** the target does not exist */
        NOT_FOUND,
        /** the target's current state forbids it (e.g. cancelling a completed order) */
        CONFLICT,
        /** the command's content breaks an invariant (e.g. total above the limit) */
        UNPROCESSABLE
    }
}
