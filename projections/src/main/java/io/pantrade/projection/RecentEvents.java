package io.pantrade.projection;

import java.util.ArrayList;
import java.util.List;

/**
 * The events a ledger document has taken in and that may still be delivered again: those not yet
 * below a position every committed batch has passed. Kept in the document they changed, so that
 * "applied" and "remembered as applied" are one atomic write.
 */
public record RecentEvents(List<Delivery> deliveries) {

    public static final RecentEvents NONE = new RecentEvents(List.of());

    public RecentEvents {
        deliveries = List.copyOf(deliveries);
    }

    public boolean includes(Delivery delivery) {
        return deliveries.stream().anyMatch(taken -> taken.eventId().equals(delivery.eventId()));
    }

    public RecentEvents plus(Delivery delivery) {
        List<Delivery> more = new ArrayList<>(deliveries);
        more.add(delivery);
        return new RecentEvents(more);
    }

    /**
     * Forgets the events at or below {@code settledUpTo}: an event is placed at or below the
     * position it was delivered with, so these are in a committed batch and never come again.
     */
    public RecentEvents settledUpTo(long settledUpTo) {
        return new RecentEvents(deliveries.stream().filter(taken -> taken.position() > settledUpTo).toList());
    }
}
