package io.pantrade.projection.ledger;

import com.mongodb.client.MongoDatabase;
import io.pantrade.kernel.ledger.LedgerAccountId;
import io.pantrade.projection.InOrderEventStorageEngine;
import io.pantrade.projection.ProjectionPipeline;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import io.pantrade.projection.ledger.PaymentHistory.Operation;
import io.pantrade.projection.ledger.PaymentHistory.Payment;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ledger is disposable like every read model: replaying the event store rebuilds the same books. */
class LedgerReplayTest {

    private static final ProjectionTuning TUNING = new ProjectionTuning(100, 1);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private final InOrderEventStorageEngine eventStore = new InOrderEventStorageEngine();
    private final PaymentHistory history = PaymentHistory.of(operations(new Random(42), 1_500));
    private MongoDatabase readModels;
    private LedgerReadModel ledger;
    private ProjectionPipeline pipeline;

    @BeforeEach
    void publishHistory() {
        readModels = mongo.emptyDatabase("replayed_ledger");
        ledger = new LedgerReadModel(readModels);
        pipeline = start();
        pipeline.publish(messages(history));
    }

    @AfterEach
    void stopPipeline() {
        pipeline.close();
    }

    @Test
    void the_live_ledger_holds_what_the_payments_say_and_balances() {
        awaitCaughtUp();

        long captured = 0;
        long refunded = 0;
        for (Payment payment : history.payments()) {
            if (payment.currency.equals("EUR")) {
                captured += payment.captured;
                refunded += payment.refunded;
            }
        }
        assertThat(captured).isPositive();
        assertThat(balance(LedgerAccountId.PROVIDER_CLEARING, "EUR")).isEqualTo(captured - refunded);
        assertThat(ledger.reconcile(10).balanced()).isTrue();
        assertThat(ledger.reconcile(10).currencies()).hasSize(3);
    }

    @Test
    void resetting_the_token_replays_into_a_cleared_read_model_with_the_same_books() {
        LedgerSnapshot live = awaitCaughtUp().withoutRecentEvents();
        readModels.getCollection(LedgerReadModel.ACCOUNTS).insertOne(new org.bson.Document("_id", "not-an-account"));

        PooledStreamingEventProcessor processor = pipeline.processor();
        processor.shutDown();
        processor.resetTokens();
        processor.start();

        await().atMost(CATCH_UP).untilAsserted(() ->
                assertThat(LedgerSnapshot.of(readModels).withoutRecentEvents()).isEqualTo(live));
    }

    @Test
    void dropping_the_database_and_starting_again_rebuilds_the_same_books() {
        LedgerSnapshot live = awaitCaughtUp().withoutRecentEvents();
        pipeline.close();
        readModels.drop();

        pipeline = start();

        await().atMost(CATCH_UP).untilAsserted(() ->
                assertThat(LedgerSnapshot.of(readModels).withoutRecentEvents()).isEqualTo(live));
    }

    private ProjectionPipeline start() {
        return ProjectionPipeline.start(eventStore, readModels, LedgerProjection.PROCESSOR, new LedgerProjection(ledger),
                TUNING);
    }

    private LedgerSnapshot awaitCaughtUp() {
        long head = pipeline.headIndex();
        await().atMost(CATCH_UP).untilAsserted(() -> assertThat(pipeline.storedTokenPositions().values())
                .isNotEmpty().allSatisfy(position -> assertThat(position).isGreaterThanOrEqualTo(head)));
        return LedgerSnapshot.of(readModels);
    }

    private long balance(LedgerAccountId account, String currency) {
        return ledger.find(account, 1, null).orElseThrow().balances().stream()
                .filter(balance -> balance.currency().equals(currency)).findFirst().orElseThrow().balanceMinor();
    }

    private static List<Operation> operations(Random random, int count) {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            operations.add(new Operation(random.nextInt(Operation.EXPIRE + 1), random.nextInt(10_000),
                    random.nextInt(111)));
        }
        return operations;
    }

    private static List<EventMessage<?>> messages(PaymentHistory history) {
        return history.events().stream().<EventMessage<?>>map(event -> new GenericDomainEventMessage<>("Payment",
                event.paymentId().value(), event.sequence(), event.payload(), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), PaymentHistory.T0)).toList();
    }
}
