package io.pantrade.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import javax.annotation.Nonnull;
import java.util.List;

/**
 * An in-memory event store for tests that publish while a processor is reading. Axon's
 * {@link InMemoryEventStorageEngine} puts a list of events into its sorted map from a
 * {@code HashMap}, so in hash order: once the positions of one list cross a multiple of the map's
 * table size, higher positions go in before lower ones, and a processor tailing the store at that
 * moment moves past the lower ones and never reads them. Appended one at a time, positions only
 * ever grow.
 */
public final class InOrderEventStorageEngine extends InMemoryEventStorageEngine {

    @Override
    public void appendEvents(@Nonnull List<? extends EventMessage<?>> events) {
        events.forEach(event -> super.appendEvents(List.of(event)));
    }
}
