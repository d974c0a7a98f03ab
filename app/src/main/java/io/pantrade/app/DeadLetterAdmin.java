package io.pantrade.app;

import io.pantrade.app.DeadLetterGroups.Group;
import io.pantrade.web.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * What can be done with dead letters: list them, retry a sequence (whatever its back-off), retry
 * the due ones (the retrier's tick), retry a whole group, evict a sequence. Listings show what an
 * operator needs to find the cause, never an event's payload or metadata, which may hold personal data.
 */
@Component
class DeadLetterAdmin {

    /** Bounds one tick of the retrier per group; what is left is due at the next tick. */
    private static final int DUE_SEQUENCES_PER_TICK = 100;

    private final DeadLetterGroups groups;
    private final DeadLetterStore store;
    private final BackOffPolicy policy;

    DeadLetterAdmin(DeadLetterGroups groups, DeadLetterStore store, BackOffPolicy policy) {
        this.groups = groups;
        this.store = store;
        this.policy = policy;
    }

    enum LetterState { WAITING, PARKED, QUEUED }

    record LetterView(String eventId, String eventType, String aggregateId, Long aggregateSequenceNumber,
                      Instant eventTimestamp, LetterState state, int failures, Instant nextRetryAt,
                      String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
    }

    record SequenceView(String sequenceId, LetterState state, List<LetterView> letters) {
    }

    record GroupView(String group, int sequences, int letters, List<SequenceView> deadLetters) {
    }

    enum Outcome { PROCESSED, FAILED, BUSY }

    record RetryOutcome(String group, String sequenceId, Outcome outcome, List<LetterView> remaining) {
    }

    record RetryAllOutcome(String group, int processed, int failed) {
    }

    List<GroupView> list() {
        return groups.all().values().stream().map(this::view).toList();
    }

    GroupView list(String group) {
        return view(group(group));
    }

    /** Tries the sequence now, from its first letter on, until one fails again. */
    RetryOutcome retry(String groupName, String sequenceId) {
        Group group = group(groupName);
        requireSequence(group, sequenceId);
        AtomicBoolean claimed = new AtomicBoolean();
        boolean processed = group.retrier().process(first -> {
            boolean match = store.sequenceOf(first).equals(sequenceId);
            claimed.compareAndSet(false, match);
            return match;
        });
        Outcome outcome = processed ? Outcome.PROCESSED : claimed.get() ? Outcome.FAILED : Outcome.BUSY;
        return new RetryOutcome(groupName, sequenceId, outcome, letters(group, sequenceId));
    }

    /** Tries every sequence of the group once, parked ones and those still waiting alike. */
    RetryAllOutcome retryAll(String groupName) {
        Group group = group(groupName);
        Set<String> tried = new HashSet<>();
        int processed = 0;
        int failed = 0;
        while (true) {
            AtomicBoolean claimed = new AtomicBoolean();
            boolean success = group.retrier().process(first -> once(tried, claimed, store.sequenceOf(first)));
            if (!claimed.get()) {
                return new RetryAllOutcome(groupName, processed, failed);
            }
            if (success) {
                processed++;
            } else {
                failed++;
            }
        }
    }

    /** The retrier's tick: every sequence whose back-off has elapsed, one attempt each. */
    void retryDue() {
        for (Group group : groups.all().values()) {
            Set<String> tried = new HashSet<>();
            while (tried.size() < DUE_SEQUENCES_PER_TICK) {
                AtomicBoolean claimed = new AtomicBoolean();
                group.retrier().process(first -> policy.isDue(first) && once(tried, claimed, store.sequenceOf(first)));
                if (!claimed.get()) {
                    break;
                }
            }
        }
    }

    /** Drops the sequence's letters: their events will not be handled by this group. */
    void evict(String groupName, String sequenceId) {
        Group group = group(groupName);
        requireSequence(group, sequenceId);
        group.queue().deadLetterSequence(sequenceId).forEach(letter -> group.queue().evict(letter));
    }

    /** Marks the sequence tried when the queue asks to process it; false for those tried already. */
    private static boolean once(Set<String> tried, AtomicBoolean claimed, String sequenceId) {
        if (!tried.add(sequenceId)) {
            return false;
        }
        claimed.set(true);
        return true;
    }

    private Group group(String name) {
        return groups.find(name).orElseThrow(() -> new NotFoundException("no processing group " + name
                + " dead-letters its failures"));
    }

    private void requireSequence(Group group, String sequenceId) {
        if (!group.queue().contains(sequenceId)) {
            throw new NotFoundException("processing group " + group.name() + " has no dead letters for sequence "
                    + sequenceId);
        }
    }

    private GroupView view(Group group) {
        List<SequenceView> sequences = new ArrayList<>();
        group.queue().deadLetters().forEach(sequence -> {
            List<LetterView> letters = new ArrayList<>();
            String sequenceId = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                sequenceId = sequenceId == null ? store.sequenceOf(letter) : sequenceId;
                letters.add(view(letter, letters.isEmpty()));
            }
            if (sequenceId != null) {
                sequences.add(new SequenceView(sequenceId, letters.get(0).state(), letters));
            }
        });
        return new GroupView(group.name(), sequences.size(),
                sequences.stream().mapToInt(sequence -> sequence.letters().size()).sum(), sequences);
    }

    private List<LetterView> letters(Group group, String sequenceId) {
        List<LetterView> letters = new ArrayList<>();
        group.queue().deadLetterSequence(sequenceId).forEach(letter -> letters.add(view(letter, letters.isEmpty())));
        return letters;
    }

    private LetterView view(DeadLetter<? extends EventMessage<?>> letter, boolean first) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domainEvent = event instanceof DomainEventMessage<?> domain ? domain : null;
        LetterState state = !first ? LetterState.QUEUED
                : policy.isParked(letter) ? LetterState.PARKED : LetterState.WAITING;
        return new LetterView(event.getIdentifier(), event.getPayloadType().getName(),
                domainEvent == null ? null : domainEvent.getAggregateIdentifier(),
                domainEvent == null ? null : domainEvent.getSequenceNumber(),
                event.getTimestamp(), state, BackOffPolicy.failures(letter),
                BackOffPolicy.retryAt(letter).orElse(null),
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
