package io.pantrade.bench.baseline;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An event-sourced aggregate that is created by one command and applies one event. */
@Aggregate
class Thing {

    record CreateThing(@TargetAggregateIdentifier String id, String customerId, int lines, long totalMinor) {
    }

    record ThingCreated(String id, String customerId, int lines, long totalMinor) {
    }

    @AggregateIdentifier
    private String id;

    Thing() {
        // for Axon
    }

    @CommandHandler
    Thing(CreateThing command) {
        apply(new ThingCreated(command.id(), command.customerId(), command.lines(), command.totalMinor()));
    }

    @EventSourcingHandler
    void on(ThingCreated event) {
        this.id = event.id();
    }
}
