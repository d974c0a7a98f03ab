package io.pantrade.projection;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Supplier;

/**
 * How far a one-segment projection's committed batches reach: every event at or below
 * {@link #upTo()} is in a batch it saw committed, so will not be delivered again, and the
 * {@link RecentEvents} its documents keep for it can be forgotten. -1 until a batch commits (after a
 * start, or a reset).
 */
public final class SettledPosition {

    private volatile long upTo = -1;

    public long upTo() {
        return upTo;
    }

    /** Moves the position on once {@code batch} commits, to what {@code lastToken} then gives (read at that time). */
    public void advanceOnCommit(UnitOfWork<?> batch, Supplier<TrackingToken> lastToken) {
        batch.afterCommit(committed -> {
            TrackingToken last = lastToken.get();
            if (last != null) {
                upTo = Math.max(upTo, settledUpTo(last));
            }
        });
    }

    public void reset() {
        upTo = -1;
    }

    /** One delivery of an event, for {@link RecentEvents}. */
    public static Delivery delivery(String eventId, TrackingToken token) {
        return new Delivery(eventId, token.position().orElseThrow());
    }

    /** The highest position at or below which every event has been delivered: below the first gap, if any. */
    static long settledUpTo(TrackingToken token) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware && gapAware.hasGaps()) {
            return gapAware.getGaps().first() - 1;
        }
        return current.position().orElse(-1);
    }
}
