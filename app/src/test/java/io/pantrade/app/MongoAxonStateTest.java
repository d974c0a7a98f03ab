package io.pantrade.app;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import io.pantrade.command.idempotency.IdempotencyStore;
import io.pantrade.command.idempotency.MongoIdempotencyStore;
import io.pantrade.command.payment.card.CardVaultStore;
import io.pantrade.command.payment.card.MongoCardVaultStore;
import io.pantrade.privacy.MongoSubjectKeyStore;
import io.pantrade.privacy.SubjectKeyStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production wiring of Axon's own state (axon-mongo token and saga stores, JobRunr's deadlines,
 * idempotency keys, subject keys and the card vault in MongoDB), exercised against the embedded MongoDB server: no Axon Server runs
 * here, so events stay in the H2 file while everything the axonserver profile moves to MongoDB is
 * in MongoDB.
 */
class MongoAxonStateTest {

    @TempDir
    Path dataDir;

    @Test
    void the_mongo_state_wiring_starts_handles_an_order_and_fires_aggregate_and_saga_deadlines() {
        String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
        try (Engine engine = Engine.start(dataDir, "pantrade.axon-state=mongo", "pantrade.crypto.master-key=" + masterKey,
                "pantrade.idempotency.fingerprint-key=" + masterKey, "pantrade.crypto.generate-dev-key=false")) {
            assertThat(engine.bean(TokenStore.class)).isInstanceOf(MongoTokenStore.class);
            assertThat(engine.bean(SagaStore.class)).isInstanceOf(MongoSagaStore.class);
            assertThat(engine.bean(IdempotencyStore.class)).isInstanceOf(MongoIdempotencyStore.class);
            assertThat(engine.bean(SubjectKeyStore.class)).isInstanceOf(MongoSubjectKeyStore.class);
            assertThat(engine.bean(CardVaultStore.class)).isInstanceOf(MongoCardVaultStore.class);
            assertThat(engine.bean(DeadlineStorage.class).jobs()).isInstanceOf(MongoDBStorageProvider.class);

            Http http = engine.http();
            String customer = Orders.customer();
            String key = UUID.randomUUID().toString();
            String orderId = http.post("/api/orders", key, Orders.order(customer)).field("orderId");
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/orders/" + orderId).status() == 200);
            assertThat(http.get("/api/orders/" + orderId).json().path("deliveryAddress").path("city").asText())
                    .isEqualTo("London");

            MongoDatabase mongo = engine.bean(MongoDatabase.class);
            assertThat(mongo.getCollection("sagas").listIndexes().map(index -> index.get("key", Document.class))
                    .into(new ArrayList<>()))
                    .as("axon-mongo's saga store creates no index for finding an event's sagas")
                    .contains(new Document("sagaType", 1).append("associations", 1));
            assertThat(mongo.getCollection("idempotency_records").countDocuments(Filters.eq("_id", key))).isEqualTo(1);
            assertThat(mongo.getCollection("subject_keys").countDocuments(Filters.eq("_id", customer))).isEqualTo(1);
            assertThat(http.post("/api/orders", key, Orders.order(customer)).replayed()).isTrue();

            String number = Cards.freshNumber();
            Http.Reply card = http.post("/api/payment-methods/cards", Cards.card(customer, number));
            assertThat(http.get(card.location()).body()).isEqualTo(card.body());
            Document stored = mongo.getCollection("card_vault").find(Filters.eq("_id", card.field("token"))).first();
            assertThat(stored.toJson()).contains(customer).doesNotContain(number).doesNotContain("Ada Lovelace");
            DeadlineProbe.Armed probe = DeadlineProbe.arm(engine, Instant.now());
            String sagaProbe = DeadlineProbe.armSaga(engine, Instant.now());
            assertThat(mongo.getCollection("jobrunr_jobs").countDocuments(Filters.eq("_id", UUID.fromString(probe.scheduleId()))))
                    .isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> DeadlineProbe.firedAt(engine, probe.probeId()).isPresent()
                    && DeadlineProbe.firedAt(engine, sagaProbe).isPresent());
        }
        assertThat(dataDir.resolve("master.key")).doesNotExist();
        assertThat(dataDir.resolve("idempotency-fingerprint.key")).doesNotExist();
    }
}
