package io.pantrade.app;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Retries the dead letters whose back-off has elapsed, as often as {@code pantrade.dead-letters.poll-interval}. */
@Component
class DeadLetterRetrier {

    private final DeadLetterAdmin admin;

    DeadLetterRetrier(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    @Scheduled(fixedDelayString = "${pantrade.dead-letters.poll-interval:PT1S}",
            initialDelayString = "${pantrade.dead-letters.poll-interval:PT1S}")
    void retryDue() {
        admin.retryDue();
    }
}
