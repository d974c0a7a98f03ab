package io.pantrade.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Every failure of a letter's event is counted in the letter's diagnostics, with the time of its next
 * retry from the {@link RetrySchedule}; after the last attempt the letter has no next retry: it is
 * parked. Nothing is ever dropped: the letter stays in the queue until it is handled or evicted.
 * Letters queued behind the first of their sequence have not failed and carry no diagnostics.
 */
final class BackOffPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final String FAILURES = "failures";
    private static final String RETRY_AT = "retryAt";

    private final RetrySchedule schedule;
    private final Clock clock;
    private final Counter retried;
    private final Counter parked;

    BackOffPolicy(RetrySchedule schedule, Clock clock, MeterRegistry meters) {
        this.schedule = schedule;
        this.clock = clock;
        this.retried = meters.counter("pantrade.dead-letters.failures", "outcome", "retry-scheduled");
        this.parked = meters.counter("pantrade.dead-letters.failures", "outcome", "parked");
    }

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        int failures = failures(letter) + 1;
        MetaData diagnostics = letter.diagnostics().and(FAILURES, failures);
        if (schedule.parks(failures)) {
            parked.increment();
            MetaData parkedDiagnostics = diagnostics.withoutKeys(Set.of(RETRY_AT));
            return Decisions.requeue(cause, any -> parkedDiagnostics);
        }
        retried.increment();
        MetaData waiting = diagnostics.and(RETRY_AT, clock.instant().plus(schedule.delayAfter(failures)).toString());
        return Decisions.requeue(cause, any -> waiting);
    }

    /** Whether the retrier should try this letter, the first of its sequence, now. */
    boolean isDue(DeadLetter<?> first) {
        return !isParked(first) && retryAt(first).map(at -> !at.isAfter(clock.instant())).orElse(true);
    }

    boolean isParked(DeadLetter<?> letter) {
        return schedule.parks(failures(letter));
    }

    static int failures(DeadLetter<?> letter) {
        Object failures = letter.diagnostics().get(FAILURES);
        return failures instanceof Number number ? number.intValue() : 0;
    }

    /** Empty for a parked letter and for one queued behind another. */
    static Optional<Instant> retryAt(DeadLetter<?> letter) {
        return Optional.ofNullable(letter.diagnostics().get(RETRY_AT)).map(at -> Instant.parse(at.toString()));
    }
}
