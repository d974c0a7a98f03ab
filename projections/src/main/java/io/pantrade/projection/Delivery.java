package io.pantrade.projection;

/**
 * One delivery of an event to the ledger: the event's id, which stays the same however often it is
 * delivered, and {@code position}, the processor's position once it is handled, which is at or
 * above the event's own place in the event store (with gaps, an event can arrive after events
 * placed above it).
 */
public record Delivery(String eventId, long position) {
}
