package io.pantrade.command.idempotency;

import com.mongodb.client.MongoDatabase;
import io.pantrade.testing.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The production store, against the embedded MongoDB wire server through the real driver over TCP. */
class MongoIdempotencyStoreTest extends IdempotencyStoreContract {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private MongoDatabase database;
    private MongoIdempotencyStore store;

    @BeforeEach
    void freshDatabase() {
        database = mongo.emptyDatabase("commands");
        store = new MongoIdempotencyStore(database);
    }

    @Override
    IdempotencyStore store() {
        return store;
    }

    @Test
    void the_purge_by_age_has_an_index() {
        assertThat(database.getCollection("idempotency_records").listIndexes())
                .anyMatch(index -> new Document("createdAt", 1).equals(index.get("key", Document.class)));
    }

    @Test
    void keeps_one_document_per_key_under_its_id() {
        store.claim(KEY, REQUEST, T0, LEASE);
        store.claim(KEY, REQUEST, T0.plusSeconds(1), LEASE);
        store.complete(KEY, CREATED);

        assertThat(database.getCollection("idempotency_records").countDocuments()).isEqualTo(1);
        Document record = database.getCollection("idempotency_records").find().first();
        assertThat(record.getString("_id")).isEqualTo(KEY);
        assertThat(record.getString("fingerprint")).isEqualTo(REQUEST);
    }
}
