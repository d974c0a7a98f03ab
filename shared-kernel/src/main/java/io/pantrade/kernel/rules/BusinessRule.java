package io.pantrade.kernel.rules;

/**
 * A named business rule with its rejection reason, so the rules of an aggregate can be listed,
 * read and tested one by one. Implemented by an enum per aggregate.
 */
public interface BusinessRule {

    /** The rule as a refusal with no detail: its code, its reason and what kind of refusal it is. */
    RuleViolation rule();

    default String code() {
        return rule().code();
    }

    default String reason() {
        return rule().detail();
    }

    default RuleViolation.Kind kind() {
        return rule().kind();
    }

    default RuleViolatedException violated() {
        return new RuleViolatedException(new RuleViolation(code(), reason(), kind()));
    }

    default RuleViolatedException violated(String detail) {
        return new RuleViolatedException(new RuleViolation(code(), reason() + ": " + detail, kind()));
    }
}
