package io.pantrade.kernel.rules;

import org.axonframework.commandhandling.CommandExecutionException;

import java.util.Optional;

/** Reads the business rule a command was refused for, however the refusal reached the sender. */
public final class Rejections {

    /** The code a command to an aggregate that does not exist is refused with. */
    public static final String NOT_FOUND = "not-found";

    private Rejections() {
    }

    /** @return the rule the command broke, or empty when it failed for another reason (a fault, not a refusal) */
    public static Optional<RuleViolation> ruleOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolatedException violated) {
                return Optional.of(violated.violation());
            }
            if (cause instanceof CommandExecutionException refused) {
                Optional<RuleViolation> rule = refused.<Object>getDetails()
                        .filter(RuleViolation.class::isInstance)
                        .map(RuleViolation.class::cast);
                if (rule.isPresent()) {
                    return rule;
                }
            }
        }
        return Optional.empty();
    }

    /** @return whether the command was refused for breaking the rule with this code */
    public static boolean refusedFor(Throwable failure, String code) {
        return ruleOf(failure).map(rule -> rule.code().equals(code)).orElse(false);
    }
}
