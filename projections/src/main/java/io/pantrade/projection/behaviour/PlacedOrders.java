package io.pantrade.projection.behaviour;

import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderPlaced;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Where a cancellation finds what it takes back: the order's own stream in the event store, which
 * the order's placement opens. Cancellations are rare, so asking the log (the truth, in either
 * runtime mode) for each one beats keeping a copy of every order in a read model. Read from
 * sequence 0, so a snapshot never stands in for the placement.
 */
final class PlacedOrders {

    private final EventStore events;

    PlacedOrders(EventStore events) {
        this.events = events;
    }

    OrderPlaced of(OrderId orderId) {
        DomainEventStream stream = events.readEvents(orderId.value(), 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (OrderPlaced.class.equals(event.getPayloadType())) {
                return (OrderPlaced) event.getPayload();
            }
        }
        throw new IllegalStateException("order " + orderId.value() + " was cancelled but the event store has no placement of it");
    }
}
