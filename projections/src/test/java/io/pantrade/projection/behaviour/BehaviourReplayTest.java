package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoDatabase;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.projection.ProjectionPipeline;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.pantrade.projection.behaviour.BehaviourEvents.T0;
import static io.pantrade.projection.behaviour.BehaviourEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replay = incremental: the documents a running processor built while the history arrived in
 * pieces are the ones a rebuild from scratch makes in big batches.
 */
class BehaviourReplayTest {

    private static final int CUSTOMERS = 40;
    private static final int SKUS = 30;
    private static final int CAP = 8;
    private static final ProjectionTuning LIVE = new ProjectionTuning(7, 1);
    private static final ProjectionTuning REBUILD = new ProjectionTuning(500, 1);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private final InMemoryEventStorageEngine eventStore = new InMemoryEventStorageEngine();
    private MongoDatabase readModels;
    private ProjectionPipeline pipeline;

    @BeforeEach
    void publishHistoryPieceByPiece() {
        readModels = mongo.emptyDatabase("behaviour_replayed");
        pipeline = BehaviourEvents.pipeline(eventStore, readModels, LIVE, CAP);
        List<EventMessage<?>> history = history();
        for (int from = 0; from < history.size(); from += 97) {
            pipeline.publish(history.subList(from, Math.min(from + 97, history.size())));
        }
    }

    @AfterEach
    void stopPipeline() {
        pipeline.close();
    }

    @Test
    void dropping_the_database_and_starting_again_rebuilds_the_same_documents() {
        Map<String, Map<Object, Document>> live = awaitCaughtUp();
        pipeline.close();

        readModels.drop();
        pipeline = BehaviourEvents.pipeline(eventStore, readModels, REBUILD, CAP);

        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(BehaviourSnapshot.settled(readModels)).isEqualTo(live));
    }

    @Test
    void resetting_the_token_replays_into_cleared_read_models() {
        Map<String, Map<Object, Document>> live = awaitCaughtUp();
        readModels.getCollection(BehaviourReadModel.ITEMS).insertOne(new Document("_id", "not-a-sku"));

        PooledStreamingEventProcessor processor = pipeline.processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(BehaviourSnapshot.settled(readModels)).isEqualTo(live));
    }

    private Map<String, Map<Object, Document>> awaitCaughtUp() {
        long head = pipeline.headIndex();
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(pipeline.storedTokenPositions().values())
                .isNotEmpty().allSatisfy(position -> assertThat(position).isGreaterThanOrEqualTo(head)));
        Map<String, Map<Object, Document>> live = BehaviourSnapshot.settled(readModels);
        assertThat(live.get(BehaviourReadModel.CUSTOMERS)).hasSize(CUSTOMERS);
        assertThat(live.get(BehaviourReadModel.ITEMS)).isNotEmpty();
        return live;
    }

    /** Every customer views, carts, rates and orders; some orders are cancelled, some goods returned. */
    private static List<EventMessage<?>> history() {
        List<CustomerId> customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> BehaviourEvents.customer()).toList();
        BehaviourEvents history = new BehaviourEvents();
        for (int s = 0; s < SKUS; s += 3) {
            history.catalogued("SKU-" + s, "category-" + s % 4);
        }
        for (int i = 0; i < 1_500; i++) {
            CustomerId customer = customers.get(i * 7 % CUSTOMERS);
            String sku = "SKU-" + (i * 13 % SKUS);
            switch (i % 5) {
                case 0 -> history.viewed(customer, sku, T0.plusSeconds(i));
                case 1 -> history.carted(customer, sku, T0.plusSeconds(i));
                case 2 -> history.rated(customer, sku, 1 + i % 5, T0.plusSeconds(i));
                case 3 -> {
                    OrderPlaced placed = history.placed(customer, T0.plusSeconds(i), line(sku, 1 + i % 3, 250),
                            line("SKU-" + (i * 11 % SKUS), 2, 120));
                    if (i % 4 == 0) {
                        history.cancelled(placed, T0.plusSeconds(i + 30));
                    }
                }
                default -> history.returned(customer, T0.plusSeconds(i), line(sku, 1, 250));
            }
        }
        return history.published();
    }
}
