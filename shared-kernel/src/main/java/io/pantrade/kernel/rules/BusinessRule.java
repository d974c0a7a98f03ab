package io.pantrade.kernel.rules;

/**
 * A named business rule with its rejection reason, so the rules of an aggregate can be listed,
 * read and tested one by one. Implemented by an enum per aggregate.
 */
public interface BusinessRule {

    String code();

    String reason();

    RuleViolation.Kind kind();

    default RuleViolatedException violated() {
        return new RuleViolatedException(new RuleViolation(code(), reason(), kind()));
    }

    default RuleViolatedException violated(String detail) {
        return new RuleViolatedException(new RuleViolation(code(), reason() + ": " + detail, kind()));
    }
}
