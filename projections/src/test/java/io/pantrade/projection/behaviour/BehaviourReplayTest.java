package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.InOrderEventStorageEngine;
import io.pantrade.projection.ProjectionPipeline;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    private final InOrderEventStorageEngine eventStore = new InOrderEventStorageEngine();
    private MongoDatabase readModels;
    private ProjectionPipeline pipeline;

    @BeforeEach
    void publishHistoryPieceByPiece() {
        readModels = mongo.emptyDatabase("behaviour_replayed");
        pipeline = BehaviourEvents.pipeline(eventStore, readModels, LIVE, CAP);
        List<EventMessage<?>> history = BehaviourEvents.shop(CUSTOMERS, SKUS).published();
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
}
