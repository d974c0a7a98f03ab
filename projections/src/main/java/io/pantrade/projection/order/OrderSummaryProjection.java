package io.pantrade.projection.order;

import io.pantrade.kernel.order.OrderCancelled;
import io.pantrade.kernel.order.OrderCompleted;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.projection.MongoBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;

import java.time.Instant;

@ProcessingGroup(OrderSummaryProjection.PROCESSOR)
public class OrderSummaryProjection {

    public static final String PROCESSOR = "order-summaries";

    private final OrderSummaries summaries;

    public OrderSummaryProjection(OrderSummaries summaries) {
        this.summaries = summaries;
    }

    @EventHandler
    void on(OrderPlaced event) {
        summaries.placed(event, MongoBatch.current());
    }

    @EventHandler
    void on(OrderCancelled event, @Timestamp Instant at) {
        summaries.cancelled(event, at, MongoBatch.current());
    }

    @EventHandler
    void on(OrderCompleted event, @Timestamp Instant at) {
        summaries.completed(event, at, MongoBatch.current());
    }

    @ResetHandler
    void reset() {
        summaries.dropAll();
    }
}
