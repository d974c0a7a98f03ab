package io.pantrade.projection.order;

import io.pantrade.kernel.order.FindOrder;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderStatus;
import io.pantrade.kernel.order.OrderStatusUpdate;
import io.pantrade.kernel.order.OrderView;
import io.pantrade.projection.InOrderEventStorageEngine;
import io.pantrade.projection.ProcessorBatch;
import io.pantrade.projection.ProjectionPipeline;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.pantrade.projection.order.OrderEvents.T0;
import static io.pantrade.projection.order.OrderEvents.cancelled;
import static io.pantrade.projection.order.OrderEvents.completed;
import static io.pantrade.projection.order.OrderEvents.customer;
import static io.pantrade.projection.order.OrderEvents.line;
import static io.pantrade.projection.order.OrderEvents.message;
import static io.pantrade.projection.order.OrderEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Subscribers to {@link FindOrder} hear of each status the projection writes, once it is written. */
class OrderStatusUpdatesTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private ProjectionPipeline pipeline;
    private OrderSummaries summaries;

    @BeforeEach
    void startPipeline() {
        var readModels = mongo.emptyDatabase("read_models");
        pipeline = OrderEvents.pipeline(new InOrderEventStorageEngine(), readModels, new ProjectionTuning(100, 2), emitter);
        summaries = new OrderSummaries(readModels);
    }

    @AfterEach
    void stopPipeline() {
        pipeline.close();
    }

    @Test
    void a_subscriber_hears_its_orders_statuses_in_order_each_already_in_the_read_model() {
        OrderId watched = OrderId.random();
        OrderId other = OrderId.random();
        List<OrderStatusUpdate> heard = new CopyOnWriteArrayList<>();
        List<OrderStatus> readBackWhenHeard = new CopyOnWriteArrayList<>();
        subscribe(watched).subscribe(update -> {
            heard.add(update);
            readBackWhenHeard.add(summaries.find(watched).map(OrderSummary::status).orElse(null));
        });

        pipeline.publish(message(placed(watched, customer(), T0, line("SKU-1", 1, 100))));
        pipeline.publish(message(placed(other, customer(), T0, line("SKU-2", 1, 100))));
        pipeline.publish(cancelled(other, "changed my mind", T0.plusSeconds(1)));
        pipeline.publish(completed(watched, T0.plusSeconds(2)));

        await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 2);
        assertThat(heard).containsExactly(
                new OrderStatusUpdate(watched, OrderStatus.PLACED, T0),
                new OrderStatusUpdate(watched, OrderStatus.COMPLETED, T0.plusSeconds(2)));
        // told after the write, never before: the order is there, with the completion at the latest when that is told
        // (both events may come in one batch, so the placement may be told when the order is already completed)
        assertThat(readBackWhenHeard).doesNotContainNull().endsWith(OrderStatus.COMPLETED);
    }

    @Test
    void a_cancellation_is_told_too() {
        OrderId watched = OrderId.random();
        List<OrderStatusUpdate> heardOfWatched = new CopyOnWriteArrayList<>();
        subscribe(watched).subscribe(heardOfWatched::add);

        pipeline.publish(message(placed(watched, customer(), T0, line("SKU-1", 1, 100))));
        pipeline.publish(cancelled(watched, "out of stock", T0.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> heardOfWatched.size() >= 2);
        assertThat(heardOfWatched).extracting(OrderStatusUpdate::status)
                .containsExactly(OrderStatus.PLACED, OrderStatus.CANCELLED);
    }

    @Test
    void a_subscriber_arriving_after_the_batch_was_handled_but_before_it_commits_is_told_too() throws Exception {
        OrderId watched = OrderId.random();
        List<OrderStatusUpdate> heard = new CopyOnWriteArrayList<>();

        ProcessorBatch.handle(new OrderSummaryProjection(summaries, emitter),
                List.of(message(placed(watched, customer(), T0, line("SKU-1", 1, 100)))),
                batch -> batch.onPrepareCommit(handled -> subscribe(watched).subscribe(heard::add)));

        assertThat(heard).containsExactly(new OrderStatusUpdate(watched, OrderStatus.PLACED, T0));
    }

    private Flux<OrderStatusUpdate> subscribe(OrderId order) {
        return emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindOrder(order),
                        ResponseTypes.instanceOf(OrderView.class), ResponseTypes.instanceOf(OrderStatusUpdate.class)), 16)
                .getUpdates().map(message -> (OrderStatusUpdate) message.getPayload());
    }
}
