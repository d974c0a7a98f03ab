package io.pantrade.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class BackOffPolicyTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(5), 5);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final BackOffPolicy policy = new BackOffPolicy(schedule, Clock.fixed(NOW, ZoneOffset.UTC), meters);

    @Test
    void the_delay_doubles_from_the_first_retry_up_to_the_maximum() {
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.delayAfter(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(50)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void each_failure_is_counted_and_the_last_attempt_parks_the_letter_without_dropping_it() {
        DeadLetter<? extends EventMessage<?>> letter = new GenericDeadLetter<>("sequence", GenericEventMessage.asEventMessage("e"));
        for (int failure = 1; failure <= 4; failure++) {
            letter = fail(letter);
            assertThat(BackOffPolicy.failures(letter)).isEqualTo(failure);
            assertThat(BackOffPolicy.retryAt(letter)).contains(NOW.plus(schedule.delayAfter(failure)));
            assertThat(policy.isParked(letter)).isFalse();
            assertThat(policy.isDue(letter)).isFalse();
        }
        letter = fail(letter);
        assertThat(BackOffPolicy.failures(letter)).isEqualTo(5);
        assertThat(policy.isParked(letter)).isTrue();
        assertThat(policy.isDue(letter)).isFalse();
        assertThat(meters.counter("pantrade.dead-letters.failures", "outcome", "parked").count()).isEqualTo(1);
        assertThat(meters.counter("pantrade.dead-letters.failures", "outcome", "retry-scheduled").count()).isEqualTo(4);
    }

    @Test
    void a_letter_queued_behind_another_is_due_as_soon_as_it_comes_first() {
        DeadLetter<EventMessage<?>> queued = new GenericDeadLetter<>("sequence", GenericEventMessage.asEventMessage("e"));
        assertThat(policy.isDue(queued)).isTrue();
        assertThat(policy.isParked(queued)).isFalse();
    }

    private DeadLetter<? extends EventMessage<?>> fail(DeadLetter<? extends EventMessage<?>> letter) {
        EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, new IllegalStateException("boom"));
        assertThat(decision.shouldEnqueue()).isTrue();
        return decision.withDiagnostics(letter);
    }
}
