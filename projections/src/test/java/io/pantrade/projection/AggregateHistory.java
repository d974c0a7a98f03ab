package io.pantrade.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events as aggregates publish them: domain events numbered from 0 per aggregate, in the order
 * they are added, each recorded at the time given.
 */
public final class AggregateHistory {

    private final Map<String, Long> nextSequence = new HashMap<>();
    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    public <T> DomainEventMessage<T> add(String aggregateType, String aggregateId, T payload, Instant at) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        DomainEventMessage<T> event = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), at);
        events.add(event);
        return event;
    }

    public List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }
}
