package io.pantrade.testing;

import io.pantrade.kernel.rules.RuleViolatedException;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.equalTo;

/** Aggregate tests assert a rejection by its stable code, the part a client relies on. */
public final class RuleViolations {

    private RuleViolations() {
    }

    public static Matcher<RuleViolatedException> violating(String code) {
        return new FeatureMatcher<>(equalTo(code), "a RuleViolatedException with code", "code") {
            @Override
            protected String featureValueOf(RuleViolatedException actual) {
                return actual.violation().code();
            }
        };
    }
}
