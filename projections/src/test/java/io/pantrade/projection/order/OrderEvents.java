package io.pantrade.projection.order;

import com.mongodb.client.MongoDatabase;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.projection.ProjectionPipeline;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Order events as the Order aggregate publishes them: domain events, sequenced per order. */
final class OrderEvents {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private OrderEvents() {
    }

    /** The order-summary projection on a real processor, as the application registers it. */
    static ProjectionPipeline pipeline(EventStorageEngine events, MongoDatabase readModels, ProjectionTuning tuning) {
        return pipeline(events, readModels, tuning, SimpleQueryUpdateEmitter.builder().build());
    }

    static ProjectionPipeline pipeline(EventStorageEngine events, MongoDatabase readModels, ProjectionTuning tuning,
                                       QueryUpdateEmitter subscribers) {
        return ProjectionPipeline.start(events, readModels, OrderSummaryProjection.PROCESSOR,
                new OrderSummaryProjection(new OrderSummaries(readModels), subscribers), tuning);
    }

    static CustomerId customer() {
        return new CustomerId(UUID.randomUUID().toString());
    }

    static OrderLine line(String sku, int quantity, long unitPriceMinor) {
        return new OrderLine(sku, quantity, new Money(unitPriceMinor, "EUR"));
    }

    static SealedText addressOf(CustomerId customer) {
        return new SealedText(customer.value(), "AQIDBAUGBwgJCgsM" + customer.value().substring(0, 8));
    }

    static OrderPlaced placed(OrderId order, CustomerId customer, Instant placedAt, OrderLine... lines) {
        Money total = Arrays.stream(lines).map(OrderLine::lineTotal).reduce(Money.zero("EUR"), Money::plus);
        return new OrderPlaced(order, customer, List.of(lines), total, addressOf(customer), placedAt);
    }

    static OrderPlaced placed(CustomerId customer, Instant placedAt) {
        return placed(OrderId.random(), customer, placedAt, line("SKU-1", 2, 1_250), line("SKU-2", 1, 499));
    }

    /** Published at the business time it carries. */
    static DomainEventMessage<OrderPlaced> message(OrderPlaced placed) {
        return domainEvent(placed.orderId(), 0, placed, placed.placedAt());
    }

    static DomainEventMessage<OrderCancelled> cancelled(OrderId order, String reason, Instant at) {
        return domainEvent(order, 1, new OrderCancelled(order, reason), at);
    }

    static DomainEventMessage<OrderCompleted> completed(OrderId order, Instant at) {
        return domainEvent(order, 1, new OrderCompleted(order), at);
    }

    static <T> DomainEventMessage<T> domainEvent(OrderId order, long sequence, T payload, Instant at) {
        return new GenericDomainEventMessage<>("Order", order.value(), sequence, payload, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), at);
    }
}
