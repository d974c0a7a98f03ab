package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProcessorBatch;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where batches end does not matter: a history handed over in batches of random lengths (placements
 * and their cancellations falling in the same batch or in different ones) leaves the documents one
 * batch of the whole history leaves. Without a processor: what a batch receives is fixed.
 */
class BehaviourBatchSplitTest {

    private static final int CAP = 8;

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    @Test
    void a_history_in_batches_of_any_length_leaves_the_documents_of_one_batch() throws Exception {
        BehaviourEvents shop = BehaviourEvents.shop(40, 30);
        EventStore events = shop.stored();
        List<TrackedEventMessage<?>> history = shop.delivered();
        MongoDatabase whole = mongo.emptyDatabase("behaviour_one_batch");
        ProcessorBatch.handle(BehaviourEvents.projection(whole, events, CAP), history);
        Map<String, Map<Object, Document>> oneBatch = BehaviourSnapshot.settled(whole);

        Random lengths = new Random(20_251_125);
        for (int round = 0; round < 5; round++) {
            MongoDatabase split = mongo.emptyDatabase("behaviour_split");
            BehaviourProjection projection = BehaviourEvents.projection(split, events, CAP);
            for (int from = 0; from < history.size(); ) {
                int to = Math.min(history.size(), from + 1 + lengths.nextInt(12));
                ProcessorBatch.handle(projection, history.subList(from, to));
                from = to;
            }

            assertThat(BehaviourSnapshot.settled(split)).as("round %d", round).isEqualTo(oneBatch);
        }
    }
}
