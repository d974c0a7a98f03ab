package io.pantrade.privacy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the embedded MongoDB wire server, through the real driver over TCP. */
class MongoSubjectKeyStoreTest extends SubjectKeyStoreContract {

    private static MongoServer server;
    private static MongoClient client;

    private MongoSubjectKeyStore store;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0); // returns nothing in 1.47: the port comes from getLocalAddress()
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        client.getDatabase("privacy").drop();
        store = new MongoSubjectKeyStore(client.getDatabase("privacy"));
    }

    @Override
    SubjectKeyStore store() {
        return store;
    }

    @Test
    void stores_one_document_per_subject_under_its_id() {
        store.insertIfAbsent(ALICE, bytes(7));

        Document document = client.getDatabase("privacy").getCollection("subject_keys").find().first();
        assertThat(document.getString("_id")).isEqualTo(ALICE);
        assertThat(document.get("wrappedKey", Binary.class).getData()).isEqualTo(bytes(7));
    }
}
