package io.pantrade.kernel.rules;

public class RuleViolatedException extends RuntimeException {

    private final transient RuleViolation violation;

    public RuleViolatedException(RuleViolation violation) {
        super(violation.detail(), null, false, false);
        this.violation = violation;
    }

    public RuleViolation violation() {
        return violation;
    }
}
