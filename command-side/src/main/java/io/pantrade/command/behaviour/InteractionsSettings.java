package io.pantrade.command.behaviour;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code pantrade.interactions.*}: how far in the future a client's clock may put an interaction,
 * and the rate each client may send batches at.
 */
@ConfigurationProperties("pantrade.interactions")
record InteractionsSettings(@DefaultValue("PT1M") Duration clockSkew, @DefaultValue RateLimit rateLimit) {

    /** A token bucket per client: {@code perSecond} requests on average, {@code burst} at once. */
    record RateLimit(@DefaultValue("20") double perSecond, @DefaultValue("40") int burst) {

        RateLimit {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("pantrade.interactions.rate-limit needs per-second > 0 and burst >= 1");
            }
        }
    }
}
