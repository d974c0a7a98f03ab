package io.pantrade.command.signing;

import com.mongodb.client.MongoDatabase;
import io.pantrade.testing.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** The production store, against the embedded MongoDB wire server through the real driver over TCP. */
class MongoNonceStoreTest extends NonceStoreContract {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private MongoDatabase database;
    private MongoNonceStore store;

    @BeforeEach
    void freshDatabase() {
        database = mongo.emptyDatabase("commands");
        store = new MongoNonceStore(database);
    }

    @Override
    NonceStore store() {
        return store;
    }

    @Test
    void the_purge_by_age_has_an_index() {
        assertThat(database.getCollection("request_nonces").listIndexes())
                .anyMatch(index -> new Document("createdAt", 1).equals(index.get("key", Document.class)));
    }

    @Test
    void keeps_one_document_per_used_nonce_under_client_and_nonce() {
        store.useOnce("shop-web", NONCE, T0);
        store.useOnce("shop-web", NONCE, T0.plusSeconds(1));

        assertThat(database.getCollection("request_nonces").countDocuments()).isEqualTo(1);
        Document used = database.getCollection("request_nonces").find().first();
        assertThat(used.getString("_id")).isEqualTo("shop-web:" + NONCE);
        assertThat(used.getDate("createdAt")).isEqualTo(Date.from(T0));
    }

    @Test
    void a_nonce_used_before_the_store_is_recreated_is_still_used() {
        store.useOnce("shop-web", NONCE, T0);

        MongoNonceStore afterRestart = new MongoNonceStore(mongo.client().getDatabase("commands"));

        assertThat(afterRestart.useOnce("shop-web", NONCE, T0.plusSeconds(1))).isFalse();
    }
}
