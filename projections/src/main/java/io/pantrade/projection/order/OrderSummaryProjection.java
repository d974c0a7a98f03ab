package io.pantrade.projection.order;

import io.pantrade.kernel.order.FindOrder;
import io.pantrade.kernel.order.OrderCancelled;
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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the order-summary read model, and tells the order's {@link FindOrder} subscribers of each
 * status it writes, once the batch's unit of work has committed, which is after
 * {@code FlushMongoBatch} wrote the batch: a subscriber reading the order on an update sees at least
 * that status. Whether anyone subscribes at all is asked then too, once per batch, and when nobody
 * does nothing is sent: a subscriber that comes later reads the order as the batch wrote it. (Asked
 * while handling the event instead, a subscriber arriving before the write would miss it.)
 */
@ProcessingGroup(OrderSummaryProjection.PROCESSOR)
public class OrderSummaryProjection {

    public static final String PROCESSOR = "order-summaries";
    private static final String STATUS_UPDATES = OrderSummaryProjection.class.getName() + ".statusUpdates";

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
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(STATUS_UPDATES, key -> {
            List<OrderStatusUpdate> updates = new ArrayList<>();
            batch.afterCommit(committed -> send(updates));
            return updates;
        }).add(new OrderStatusUpdate(orderId, status, at));
    }

    private void send(List<OrderStatusUpdate> updates) {
        if (subscribers.activeSubscriptions().isEmpty()) {
            return;
        }
        for (OrderStatusUpdate update : updates) {
            subscribers.emit(FindOrder.class, query -> query.orderId().equals(update.orderId()), update);
        }
    }

    @ResetHandler
    void reset() {
        summaries.dropAll();
    }
}
