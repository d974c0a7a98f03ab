package io.pantrade.app;

import java.time.Duration;

/**
 * When a dead-lettered event is tried again: {@code firstRetry} after its first failure, then twice as
 * long after each further one, never more than {@code maxRetry}; after {@code attempts} failed
 * handlings in all (the first included) it is parked until an operator retries or evicts it.
 */
record RetrySchedule(Duration firstRetry, Duration maxRetry, int attempts) {

    RetrySchedule {
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0 || attempts < 1) {
            throw new IllegalArgumentException("pantrade.dead-letters: first-retry must be positive, max-retry at "
                    + "least first-retry and attempts at least 1");
        }
    }

    /** @param failures how often the event failed so far, at least 1 */
    Duration delayAfter(int failures) {
        Duration delay = firstRetry;
        for (int i = 1; i < failures && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) < 0 ? delay : maxRetry;
    }

    boolean parks(int failures) {
        return failures >= attempts;
    }
}
