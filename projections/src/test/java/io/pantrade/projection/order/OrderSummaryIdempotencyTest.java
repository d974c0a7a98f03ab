package io.pantrade.projection.order;

import io.pantrade.testing.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.kernel.order.OrderStatus;
import io.pantrade.projection.ProcessorBatch;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static io.pantrade.projection.order.OrderEvents.T0;
import static io.pantrade.projection.order.OrderEvents.cancelled;
import static io.pantrade.projection.order.OrderEvents.completed;
import static io.pantrade.projection.order.OrderEvents.customer;
import static io.pantrade.projection.order.OrderEvents.message;
import static io.pantrade.projection.order.OrderEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streaming processor delivers an event again after a retry or a replay: handling it twice must
 * leave the very same documents. Events go through the projection's handlers in processor-style
 * batches (one unit of work, one bulk write).
 */
class OrderSummaryIdempotencyTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private MongoDatabase readModels;
    private OrderSummaries summaries;
    private OrderSummaryProjection projection;

    private final CustomerId alice = customer();
    private final OrderPlaced first = placed(alice, T0);
    private final OrderPlaced second = placed(alice, T0.plusSeconds(60));

    @BeforeEach
    void emptyReadModel() {
        readModels = mongo.emptyDatabase("idempotent_read_models");
        summaries = new OrderSummaries(readModels);
        projection = new OrderSummaryProjection(summaries, SimpleQueryUpdateEmitter.builder().build());
    }

    @Test
    void handling_a_whole_history_again_leaves_identical_documents() throws Exception {
        List<EventMessage<?>> history = List.of(message(first), message(second),
                cancelled(first.orderId(), "late", T0.plusSeconds(120)), completed(second.orderId(), T0.plusSeconds(180)));
        ProcessorBatch.handle(projection, history);
        ReadModelSnapshot once = ReadModelSnapshot.of(readModels);

        ProcessorBatch.handle(projection, history);

        assertThat(ReadModelSnapshot.of(readModels)).isEqualTo(once);
        assertThat(summaries.ofCustomer(alice, 0, 10).total()).isEqualTo(2);
    }

    @Test
    void the_same_event_twice_in_one_batch_counts_once() throws Exception {
        ProcessorBatch.handle(projection, List.of(message(first)));
        ReadModelSnapshot once = ReadModelSnapshot.of(readModels);
        emptyReadModel();

        ProcessorBatch.handle(projection, List.of(message(first), message(first)));

        assertThat(ReadModelSnapshot.of(readModels)).isEqualTo(once);
        assertThat(summaries.ofCustomer(alice, 0, 10).orders()).hasSize(1);
    }

    @Test
    void each_event_handled_in_its_own_batch_then_again_leaves_identical_documents() throws Exception {
        List<EventMessage<?>> history = List.of(message(first), cancelled(first.orderId(), "late", T0.plusSeconds(120)),
                message(second), completed(second.orderId(), T0.plusSeconds(180)));
        for (EventMessage<?> event : history) {
            ProcessorBatch.handle(projection, List.of(event));
        }
        ReadModelSnapshot once = ReadModelSnapshot.of(readModels);

        for (EventMessage<?> event : history) {
            ProcessorBatch.handle(projection, List.of(event));
            ProcessorBatch.handle(projection, List.of(event));
        }

        assertThat(ReadModelSnapshot.of(readModels)).isEqualTo(once);
    }

    @Test
    void a_replayed_order_placed_does_not_undo_a_later_cancellation() throws Exception {
        ProcessorBatch.handle(projection, List.of(message(first)));
        ProcessorBatch.handle(projection, List.of(cancelled(first.orderId(), "late", T0.plusSeconds(120))));
        OrderSummary cancelled = summaries.find(first.orderId()).orElseThrow();

        ProcessorBatch.handle(projection, List.of(message(first)));

        OrderSummary afterReplay = summaries.find(first.orderId()).orElseThrow();
        assertThat(afterReplay.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(afterReplay.cancelledAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(afterReplay).isEqualTo(cancelled);
    }

    @Test
    void a_replayed_order_placed_does_not_undo_a_later_completion() throws Exception {
        ProcessorBatch.handle(projection, List.of(message(second), completed(second.orderId(), T0.plusSeconds(180))));
        OrderSummary completed = summaries.find(second.orderId()).orElseThrow();

        ProcessorBatch.handle(projection, List.of(message(second)));

        assertThat(summaries.find(second.orderId())).contains(completed);
        assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void the_reset_handler_empties_the_read_model() throws Exception {
        ProcessorBatch.handle(projection, List.of(message(first), message(second)));

        ProcessorBatch.reset(projection);

        assertThat(summaries.count()).isZero();
        assertThat(summaries.ofCustomer(alice, 0, 10).total()).isZero();
    }
}
