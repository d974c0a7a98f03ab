package io.pantrade.command.idempotency;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The production store, against the embedded MongoDB wire server through the real driver over TCP. */
class MongoIdempotencyStoreTest extends IdempotencyStoreContract {

    private static MongoServer server;
    private static MongoClient client;

    private MongoDatabase database;
    private MongoIdempotencyStore store;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0); // returns nothing: the port comes from getLocalAddress()
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("commands");
        database.drop();
        store = new MongoIdempotencyStore(database);
    }

    @Override
    IdempotencyStore store() {
        return store;
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
