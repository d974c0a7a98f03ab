package io.pantrade.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write path every projection shares: gathered per batch, one ordered bulk write per collection. */
class FlushMongoBatchTest {

    private static final List<BsonDocument> writeCommands = new CopyOnWriteArrayList<>();
    private static final CommandListener RECORD_WRITES = new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (List.of("insert", "update", "delete").contains(event.getCommandName())) {
                writeCommands.add(event.getCommand().clone());
            }
        }
    };

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass(settings -> settings.addCommandListener(RECORD_WRITES));

    private MongoCollection<Document> items;
    private MongoCollection<Document> log;

    @BeforeEach
    void freshDatabase() {
        mongo.client().getDatabase("batch_test").drop();
        items = mongo.client().getDatabase("batch_test").getCollection("items");
        log = mongo.client().getDatabase("batch_test").getCollection("log");
        writeCommands.clear();
    }

    @Test
    void nothing_is_written_before_the_last_event_of_the_batch_was_handled() throws Exception {
        Recorder recorder = new Recorder(items, log);

        ProcessorBatch.handle(recorder, events("a", "b", "c", "d"));

        assertThat(recorder.documentsSeenByHandler).containsExactly(0L, 0L, 0L, 0L);
        assertThat(items.countDocuments()).isEqualTo(4);
        assertThat(log.countDocuments()).isEqualTo(4);
    }

    @Test
    void each_collection_gets_one_ordered_bulk_write_per_batch() throws Exception {
        ProcessorBatch.handle(new Recorder(items, log), events(IntStream.range(0, 50).mapToObj(i -> "item-" + i)
                .toArray(String[]::new)));

        assertThat(writeCommands).hasSize(2);
        assertThat(writeCommands).extracting(command -> command.getString("insert").getValue())
                .containsExactly("items", "log");
        assertThat(writeCommands).allSatisfy(command -> {
            assertThat(command.getBoolean("ordered").getValue()).isTrue();
        });
        assertThat(items.countDocuments()).isEqualTo(50);
    }

    @Test
    void a_batch_that_fails_on_a_later_event_writes_nothing_of_its_earlier_events() {
        assertThatThrownBy(() -> ProcessorBatch.handle(new Recorder(items, log), events("a", "b", "boom", "c")))
                .hasMessageContaining("boom");

        assertThat(items.countDocuments()).isZero();
        assertThat(log.countDocuments()).isZero();
        assertThat(writeCommands).isEmpty();
    }

    @Test
    void the_next_batch_starts_with_nothing_pending() throws Exception {
        Recorder recorder = new Recorder(items, log);
        ProcessorBatch.handle(recorder, events("a", "b"));
        writeCommands.clear();

        ProcessorBatch.handle(recorder, events("c"));

        assertThat(writeCommands).hasSize(2).allSatisfy(command ->
                assertThat(command.getArray("documents")).hasSize(1));
        assertThat(items.countDocuments()).isEqualTo(3);
    }

    private static List<EventMessage<?>> events(String... payloads) {
        return java.util.Arrays.stream(payloads).<EventMessage<?>>map(GenericEventMessage::new).toList();
    }

    /** A projection writing one document per event into two collections, noting what it saw meanwhile. */
    static final class Recorder {

        final List<Long> documentsSeenByHandler = new CopyOnWriteArrayList<>();
        private final MongoCollection<Document> items;
        private final MongoCollection<Document> log;

        Recorder(MongoCollection<Document> items, MongoCollection<Document> log) {
            this.items = items;
            this.log = log;
        }

        @EventHandler
        void on(String item) {
            if (item.equals("boom")) {
                throw new IllegalStateException("boom");
            }
            documentsSeenByHandler.add(items.countDocuments());
            MongoBatch.current().add(items, new InsertOneModel<>(new Document("_id", item)));
            MongoBatch.current().add(log, new InsertOneModel<>(new Document("_id", "seen " + item)));
        }
    }
}
