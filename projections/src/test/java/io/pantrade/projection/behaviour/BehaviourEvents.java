package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoDatabase;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.behaviour.ProductAddedToCart;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.kernel.behaviour.ProductRated;
import io.pantrade.kernel.behaviour.ProductViewed;
import io.pantrade.kernel.behaviour.ReturnId;
import io.pantrade.kernel.behaviour.ReturnRecorded;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.projection.InOrderEventStorageEngine;
import io.pantrade.projection.ProjectionPipeline;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Behaviour events in the order a history adds them: orders and returns as their aggregates
 * publish them, interactions and catalogue entries as plain events, each also available as
 * delivered to a processor at its place in the history.
 */
final class BehaviourEvents {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final BehaviourWeights WEIGHTS = new BehaviourWeights(1.0, 0.5, 0.1, 0.5);

    private final List<EventMessage<?>> events = new ArrayList<>();

    /**
     * A shop's history: every customer views, carts, rates and orders; some orders are cancelled
     * right after they are placed, some goods returned.
     */
    static BehaviourEvents shop(int customerCount, int skus) {
        List<CustomerId> customers = IntStream.range(0, customerCount).mapToObj(i -> customer()).toList();
        BehaviourEvents history = new BehaviourEvents();
        for (int s = 0; s < skus; s += 3) {
            history.catalogued("SKU-" + s, "category-" + s % 4);
        }
        for (int i = 0; i < 1_500; i++) {
            CustomerId customer = customers.get(i * 7 % customerCount);
            String sku = "SKU-" + (i * 13 % skus);
            switch (i % 5) {
                case 0 -> history.viewed(customer, sku, T0.plusSeconds(i));
                case 1 -> history.carted(customer, sku, T0.plusSeconds(i));
                case 2 -> history.rated(customer, sku, 1 + i % 5, T0.plusSeconds(i));
                case 3 -> {
                    OrderPlaced placed = history.placed(customer, T0.plusSeconds(i), line(sku, 1 + i % 3, 250),
                            line("SKU-" + (i * 11 % skus), 2, 120));
                    if (i % 4 == 0) {
                        history.cancelled(placed, T0.plusSeconds(i + 30));
                    }
                }
                default -> history.returned(customer, T0.plusSeconds(i), line(sku, 1, 250));
            }
        }
        return history;
    }

    /** @param events where the projection finds the orders cancellations take back */
    static BehaviourProjection projection(MongoDatabase readModels, EventStore events, int cap) {
        return new BehaviourProjection(new BehaviourReadModel(readModels), events, WEIGHTS, cap);
    }

    static ProjectionPipeline pipeline(EventStorageEngine events, MongoDatabase readModels, ProjectionTuning tuning,
                                       int cap) {
        return ProjectionPipeline.start(events, readModels, BehaviourProjection.PROCESSOR,
                projection(readModels, eventStore(events), cap), tuning.oneSegment());
    }

    static EventStore eventStore(EventStorageEngine events) {
        return EmbeddedEventStore.builder().storageEngine(events).build();
    }

    static CustomerId customer() {
        return new CustomerId(UUID.randomUUID().toString());
    }

    static OrderLine line(String sku, int quantity, long unitPriceMinor) {
        return new OrderLine(sku, quantity, new Money(unitPriceMinor, "EUR"));
    }

    OrderPlaced placed(CustomerId customer, Instant at, OrderLine... lines) {
        Money total = Arrays.stream(lines).map(OrderLine::lineTotal).reduce(Money.zero(lines[0].unitPrice().currency()),
                Money::plus);
        OrderPlaced placed = new OrderPlaced(OrderId.random(), customer, List.of(lines), total,
                new SealedText(customer.value(), "c2VhbGVk"), at);
        events.add(new GenericDomainEventMessage<>("Order", placed.orderId().value(), 0, placed, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at));
        return placed;
    }

    void cancelled(OrderPlaced order, Instant at) {
        events.add(new GenericDomainEventMessage<>("Order", order.orderId().value(), 1,
                new OrderCancelled(order.orderId(), "changed their mind"), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at));
    }

    void returned(CustomerId customer, Instant at, OrderLine... lines) {
        Money total = Arrays.stream(lines).map(OrderLine::lineTotal).reduce(Money.zero("EUR"), Money::plus);
        ReturnId id = new ReturnId(UUID.randomUUID().toString());
        events.add(new GenericDomainEventMessage<>("Return", id.value(), 0,
                new ReturnRecorded(id, customer, List.of(lines), total, at), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at));
    }

    void viewed(CustomerId customer, String sku, Instant at) {
        plain(new ProductViewed(customer, sku, at), at);
    }

    void carted(CustomerId customer, String sku, Instant at) {
        plain(new ProductAddedToCart(customer, sku, 1, at), at);
    }

    void rated(CustomerId customer, String sku, int rating, Instant at) {
        plain(new ProductRated(customer, sku, rating, at), at);
    }

    void catalogued(String sku, String category) {
        plain(new ProductCatalogued(sku, sku + " (name)", category), T0);
    }

    private void plain(Object payload, Instant at) {
        events.add(new GenericEventMessage<>(new GenericEventMessage<>(payload), () -> at));
    }

    /** An event store holding this history. */
    EventStore stored() {
        InOrderEventStorageEngine events = new InOrderEventStorageEngine();
        events.appendEvents(published());
        return eventStore(events);
    }

    /** As published to an event store. */
    List<EventMessage<?>> published() {
        return List.copyOf(events);
    }

    /** As a processor delivers them: the n-th event of the history at position n. */
    List<TrackedEventMessage<?>> delivered() {
        List<TrackedEventMessage<?>> delivered = new ArrayList<>();
        for (int position = 0; position < events.size(); position++) {
            delivered.add(delivered(events.get(position), position));
        }
        return delivered;
    }

    static TrackedEventMessage<?> delivered(EventMessage<?> event, long position) {
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(position);
        return event instanceof GenericDomainEventMessage<?> domain
                ? new GenericTrackedDomainEventMessage<>(token, domain)
                : new GenericTrackedEventMessage<>(token, event);
    }
}
