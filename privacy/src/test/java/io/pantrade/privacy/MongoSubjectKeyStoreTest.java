package io.pantrade.privacy;

import io.pantrade.testing.EmbeddedMongo;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the embedded MongoDB wire server, through the real driver over TCP. */
class MongoSubjectKeyStoreTest extends SubjectKeyStoreContract {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private MongoSubjectKeyStore store;

    @BeforeEach
    void freshDatabase() {
        store = new MongoSubjectKeyStore(mongo.emptyDatabase("privacy"));
    }

    @Override
    SubjectKeyStore store() {
        return store;
    }

    @Test
    void stores_one_document_per_subject_under_its_id() {
        store.insertIfAbsent(ALICE, bytes(7));

        Document document = mongo.client().getDatabase("privacy").getCollection("subject_keys").find().first();
        assertThat(document.getString("_id")).isEqualTo(ALICE);
        assertThat(document.get("wrappedKey", Binary.class).getData()).isEqualTo(bytes(7));
    }
}
