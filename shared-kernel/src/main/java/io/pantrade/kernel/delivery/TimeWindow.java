package io.pantrade.kernel.delivery;

import java.time.Instant;

/** When the customer wants the parcel: drop-off between {@code from} and {@code to}. */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a time window needs both ends");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a time window must end after it starts");
        }
    }
}
