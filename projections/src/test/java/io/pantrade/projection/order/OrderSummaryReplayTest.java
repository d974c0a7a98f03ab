package io.pantrade.projection.order;

import io.pantrade.projection.InOrderEventStorageEngine;
import io.pantrade.testing.EmbeddedMongo;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.projection.ProjectionPipeline;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.pantrade.projection.order.OrderEvents.T0;
import static io.pantrade.projection.order.OrderEvents.cancelled;
import static io.pantrade.projection.order.OrderEvents.completed;
import static io.pantrade.projection.order.OrderEvents.customer;
import static io.pantrade.projection.order.OrderEvents.line;
import static io.pantrade.projection.order.OrderEvents.message;
import static io.pantrade.projection.order.OrderEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read model is disposable: replaying the event store rebuilds exactly the same documents. */
class OrderSummaryReplayTest {

    private static final int ORDERS = 1_200;
    private static final int CUSTOMERS = 60;
    private static final ProjectionTuning TUNING = new ProjectionTuning(100, 2);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private final InOrderEventStorageEngine eventStore = new InOrderEventStorageEngine();
    private MongoDatabase readModels;
    private ProjectionPipeline pipeline;

    @BeforeEach
    void publishHistory() {
        readModels = mongo.emptyDatabase("replayed_read_models");
        pipeline = OrderEvents.pipeline(eventStore, readModels, TUNING);
        pipeline.publish(history());
    }

    @AfterEach
    void stopPipeline() {
        pipeline.close();
    }

    @Test
    void dropping_the_read_model_database_and_starting_again_rebuilds_the_same_documents() {
        ReadModelSnapshot live = awaitCaughtUp();
        pipeline.close();

        readModels.drop();
        assertThat(readModels.listCollectionNames()).isEmpty();
        pipeline = OrderEvents.pipeline(eventStore, readModels, TUNING);

        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(ReadModelSnapshot.of(readModels)).isEqualTo(live));
    }

    @Test
    void resetting_the_processors_tokens_replays_into_a_cleared_read_model() {
        ReadModelSnapshot live = awaitCaughtUp();
        // leave marks a mere re-application of the events would not remove
        String someOrder = live.orders().keySet().iterator().next();
        readModels.getCollection(OrderSummaries.ORDERS)
                .updateOne(Filters.eq("_id", someOrder), Updates.set("totalMinor", -1L));
        readModels.getCollection(OrderSummaries.ORDERS).insertOne(new Document("_id", "not-an-order"));
        assertThat(ReadModelSnapshot.of(readModels)).isNotEqualTo(live);

        PooledStreamingEventProcessor processor = pipeline.processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(ReadModelSnapshot.of(readModels)).isEqualTo(live));
    }

    private ReadModelSnapshot awaitCaughtUp() {
        long head = pipeline.headIndex();
        await().atMost(CATCH_UP).untilAsserted(() -> {
            ReadModelSnapshot snapshot = ReadModelSnapshot.of(readModels);
            assertThat(snapshot.orders()).hasSize(ORDERS);
            assertThat(snapshot.ordersWithStatus("CANCELLED")).isEqualTo(ORDERS / 3);
            assertThat(snapshot.ordersWithStatus("COMPLETED")).isEqualTo(ORDERS / 3);
            assertThat(snapshot.listedCustomers()).isEqualTo(CUSTOMERS);
            assertThat(snapshot.listedOrders()).isEqualTo(ORDERS);
            assertThat(pipeline.storedTokenPositions().values()).isNotEmpty().allSatisfy(position ->
                    assertThat(position).isGreaterThanOrEqualTo(head));
        });
        return ReadModelSnapshot.of(readModels);
    }

    /** 1,200 orders of 60 customers; a third cancelled, a third completed: 2,000 events. */
    private static List<EventMessage<?>> history() {
        List<CustomerId> customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> customer()).toList();
        List<EventMessage<?>> events = new ArrayList<>();
        List<OrderPlaced> placedOrders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            OrderPlaced placed = placed(OrderId.random(), customers.get(i % CUSTOMERS),
                    T0.plusSeconds(37L * i), line("SKU-" + (i % 13), 1 + i % 4, 100 + i));
            placedOrders.add(placed);
            events.add(message(placed));
        }
        for (int i = 0; i < ORDERS; i++) {
            OrderPlaced placed = placedOrders.get(i);
            if (i % 3 == 0) {
                events.add(cancelled(placed.orderId(), "reason " + i, placed.placedAt().plusSeconds(600)));
            } else if (i % 3 == 1) {
                events.add(completed(placed.orderId(), placed.placedAt().plusSeconds(7_200)));
            }
        }
        assertThat(events).hasSize(2_000);
        return events;
    }
}
