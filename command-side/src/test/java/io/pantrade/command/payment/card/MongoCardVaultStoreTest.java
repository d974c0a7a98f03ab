package io.pantrade.command.payment.card;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pantrade.privacy.MongoSubjectKeyStore;
import io.pantrade.privacy.SubjectKeyStore;
import io.pantrade.testing.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The production vault, against the embedded MongoDB wire server through the real driver over TCP. */
class MongoCardVaultStoreTest extends CardVaultStoreContract {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private MongoDatabase database;
    private MongoCardVaultStore store;
    private MongoSubjectKeyStore subjectKeys;

    @BeforeEach
    void freshDatabase() {
        database = mongo.emptyDatabase("vault");
        store = new MongoCardVaultStore(database);
        subjectKeys = new MongoSubjectKeyStore(database);
    }

    @Override
    CardVaultStore store() {
        return store;
    }

    @Override
    SubjectKeyStore subjectKeys() {
        return subjectKeys;
    }

    @Override
    String raw(String token) {
        Document document = database.getCollection("card_vault").find(Filters.eq("_id", token)).first();
        return document == null ? "" : document.toJson();
    }

    @Test
    void keeps_one_document_per_card_under_its_token() {
        String token = vault().register(Cards.customer(), Cards.visa()).token();

        Document document = database.getCollection("card_vault").find().first();

        assertThat(database.getCollection("card_vault").countDocuments()).isEqualTo(1);
        assertThat(document.getString("_id")).isEqualTo(token);
        assertThat(document.keySet()).containsExactlyInAnyOrder("_id", "customerId", "sealedCard", "createdAt");
    }
}
