package io.pantrade.command.behaviour;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per client: each request takes a token; tokens come back at {@code perSecond}, up
 * to {@code burst}. A bucket that has filled up again is the same as none, so those are dropped
 * from time to time and the map holds only the clients seen lately.
 */
final class ClientRateLimit {

    private static final int SWEEP_EVERY = 1_024;

    private final Clock clock;
    private final double perNano;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int untilSweep = SWEEP_EVERY;

    ClientRateLimit(Clock clock, InteractionsSettings.RateLimit limit) {
        this.clock = clock;
        this.perNano = limit.perSecond() / 1e9;
        this.burst = limit.burst();
    }

    /** @return {@link Duration#ZERO} when the request may go ahead, else how long until it could */
    Duration take(String client) {
        long now = nanos();
        sweepNowAndThen(now);
        return buckets.computeIfAbsent(client, key -> new Bucket(burst, now)).take(now);
    }

    private void sweepNowAndThen(long now) {
        boolean sweep;
        synchronized (this) {
            sweep = --untilSweep <= 0;
            if (sweep) {
                untilSweep = SWEEP_EVERY;
            }
        }
        if (sweep) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
    }

    private long nanos() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        private Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.refilledAt = at;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
                refilledAt = now;
            }
        }
    }
}
