package io.pantrade.projection.order;

import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.FindOrder;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.order.OrderStatus;
import io.pantrade.kernel.order.OrderStatusUpdate;
import io.pantrade.projection.MongoBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.time.Instant;

/**
 * Keeps the order-summary read model, and tells the order's {@link FindOrder} subscribers of each
 * status it writes. Axon sends those updates once the batch's unit of work has committed, which is
 * after {@code FlushMongoBatch} wrote the batch: a subscriber reading the order on an update sees
 * at least that status.
 */
@ProcessingGroup(OrderSummaryProjection.PROCESSOR)
public class OrderSummaryProjection {

    public static final String PROCESSOR = "order-summaries";

    private final OrderSummaries summaries;
    private final QueryUpdateEmitter subscribers;

    public OrderSummaryProjection(OrderSummaries summaries, QueryUpdateEmitter subscribers) {
        this.summaries = summaries;
        this.subscribers = subscribers;
    }

    @EventHandler
    void on(OrderPlaced event) {
        summaries.placed(event, MongoBatch.current());
        tell(event.orderId(), OrderStatus.PLACED, event.placedAt());
    }

    @EventHandler
    void on(OrderCancelled event, @Timestamp Instant at) {
        summaries.cancelled(event, at, MongoBatch.current());
        tell(event.orderId(), OrderStatus.CANCELLED, at);
    }

    @EventHandler
    void on(OrderCompleted event, @Timestamp Instant at) {
        summaries.completed(event, at, MongoBatch.current());
        tell(event.orderId(), OrderStatus.COMPLETED, at);
    }

    private void tell(OrderId orderId, OrderStatus status, Instant at) {
        subscribers.emit(FindOrder.class, query -> query.orderId().equals(orderId),
                new OrderStatusUpdate(orderId, status, at));
    }

    @ResetHandler
    void reset() {
        summaries.dropAll();
    }
}
