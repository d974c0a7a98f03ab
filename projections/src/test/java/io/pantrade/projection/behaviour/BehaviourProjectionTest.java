package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoDatabase;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.projection.DatabaseSnapshot;
import io.pantrade.projection.InOrderEventStorageEngine;
import io.pantrade.projection.ProcessorBatch;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.pantrade.projection.behaviour.BehaviourEvents.T0;
import static io.pantrade.projection.behaviour.BehaviourEvents.customer;
import static io.pantrade.projection.behaviour.BehaviourEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The behaviour projection's handlers over the embedded MongoDB server, in processor-style
 * batches: weights, co-occurrence, customer features, and that an event delivered again counts once.
 */
class BehaviourProjectionTest {

    private static final int CAP = 4;

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private final CustomerId alice = customer();
    private final CustomerId bob = customer();

    private final InOrderEventStorageEngine events = new InOrderEventStorageEngine();
    private MongoDatabase readModels;
    private BehaviourProjection projection;
    private MongoBehaviourReads reads;

    @BeforeEach
    void emptyReadModel() {
        readModels = mongo.emptyDatabase("behaviour_read_models");
        restart();
    }

    /** A new projection on the same documents: what it knew of settled events is gone. */
    private void restart() {
        projection = BehaviourEvents.projection(readModels, BehaviourEvents.eventStore(events), CAP);
        reads = new MongoBehaviourReads(new BehaviourReadModel(readModels));
    }

    @Test
    void interactions_weigh_purchase_over_cart_over_view_and_ratings_by_their_distance_from_neutral() throws Exception {
        BehaviourEvents history = new BehaviourEvents();
        history.viewed(alice, "MUG", T0);
        history.viewed(alice, "MUG", T0.plusSeconds(1));
        history.carted(alice, "MUG", T0.plusSeconds(2));
        history.viewed(alice, "TEA", T0.plusSeconds(3));
        history.rated(alice, "TEA", 1, T0.plusSeconds(4));
        history.rated(alice, "CUP", 5, T0.plusSeconds(5));
        history.placed(alice, T0.plusSeconds(6), line("MUG", 3, 500), line("SPOON", 1, 100));
        history.placed(alice, T0.plusSeconds(7), line("CUP", 1, 700));
        ProcessorBatch.handle(projection, delivered(history));

        CustomerHistory found = reads.historyOf(alice);
        assertThat(found.weights()).containsOnlyKeys("MUG", "TEA", "CUP", "SPOON");
        assertThat(found.weights().get("MUG")).isCloseTo(0.1 + 0.1 + 0.5 + 1.0, within(1e-9));
        assertThat(found.weights().get("TEA")).isCloseTo(0.1 - 1.0, within(1e-9));
        assertThat(found.weights().get("CUP")).isCloseTo(1.0 + 1.0, within(1e-9));
        assertThat(found.weights().get("SPOON")).isCloseTo(1.0, within(1e-9));
        assertThat(found.lastPurchase()).containsExactly("CUP");
        assertThat(found.lastInteractionAt()).isEqualTo(T0.plusSeconds(7));
        assertThat(reads.historyOf(bob)).isNull();
    }

    @Test
    void the_last_purchase_is_the_latest_order_by_business_time_whatever_order_they_arrive_in() throws Exception {
        BehaviourEvents history = new BehaviourEvents();
        history.placed(alice, T0.plusSeconds(60), line("NEW", 1, 100), line("NEW", 2, 100), line("OTHER", 1, 1));
        history.placed(alice, T0, line("OLD", 1, 100));
        ProcessorBatch.handle(projection, delivered(history));

        assertThat(reads.historyOf(alice).lastPurchase()).containsExactly("NEW", "OTHER");
    }

    @Test
    void items_count_the_customers_who_interacted_with_both_once_each_whatever_they_did() throws Exception {
        BehaviourEvents history = new BehaviourEvents();
        history.viewed(alice, "X", T0);
        history.viewed(alice, "X", T0);
        history.carted(alice, "Y", T0);
        history.placed(alice, T0, line("Z", 1, 100), line("X", 1, 100));
        history.rated(bob, "Y", 4, T0);
        history.viewed(bob, "X", T0);
        ProcessorBatch.handle(projection, delivered(history));

        Map<String, ItemRow> items = items();
        assertThat(items).containsOnlyKeys("X", "Y", "Z");
        assertThat(items.get("X").cooccurrence()).containsExactlyInAnyOrderEntriesOf(Map.of("Y", 2L, "Z", 1L));
        assertThat(items.get("Y").cooccurrence()).containsExactlyInAnyOrderEntriesOf(Map.of("X", 2L, "Z", 1L));
        assertThat(items.get("Z").cooccurrence()).containsExactlyInAnyOrderEntriesOf(Map.of("X", 1L, "Y", 1L));
        assertThat(items.get("X").customers()).isEqualTo(2);
        assertThat(items.get("Z").customers()).isEqualTo(1);
        assertThat(items.get("X").popularity()).isCloseTo(0.1 + 0.1 + 1.0 + 0.1, within(1e-9));
        assertThat(items.get("Y").popularity()).isCloseTo(0.5 + 0.5, within(1e-9));
    }

    @Test
    void co_occurrence_counts_only_a_customers_first_distinct_skus_up_to_the_cap_and_batches_do_not_matter()
            throws Exception {
        BehaviourEvents history = new BehaviourEvents();
        for (String sku : List.of("A", "B", "A", "C", "D", "E", "F")) {
            history.viewed(alice, sku, T0);
        }
        history.viewed(bob, "E", T0);
        history.viewed(bob, "A", T0);
        List<TrackedEventMessage<?>> delivered = delivered(history);
        for (TrackedEventMessage<?> event : delivered) {
            ProcessorBatch.handle(projection, List.of(event));
        }
        Map<String, ItemRow> oneByOne = items();
        emptyReadModel();
        ProcessorBatch.handle(projection, delivered);

        Map<String, ItemRow> items = items();
        assertThat(items).isEqualTo(oneByOne);
        assertThat(items.get("A").cooccurrence()).containsExactlyInAnyOrderEntriesOf(
                Map.of("B", 1L, "C", 1L, "D", 1L, "E", 1L));
        assertThat(items.get("D").cooccurrence()).containsExactlyInAnyOrderEntriesOf(
                Map.of("A", 1L, "B", 1L, "C", 1L));
        assertThat(items.get("E").cooccurrence()).containsExactlyInAnyOrderEntriesOf(Map.of("A", 1L));
        assertThat(items.get("F").cooccurrence()).isEmpty();
        assertThat(items.get("F").customers()).isEqualTo(1);
    }

    @Test
    void customer_features_are_net_of_cancellations_and_returns() throws Exception {
        BehaviourEvents history = new BehaviourEvents();
        history.catalogued("MUG", "kitchen");
        history.catalogued("LAMP", "garden");
        history.catalogued("LAMP", "lighting");
        OrderPlaced first = history.placed(alice, T0, line("MUG", 4, 500), line("LAMP", 2, 2_000));
        OrderPlaced cancelled = history.placed(alice, T0.plusSeconds(3_600), line("MUG", 10, 500));
        history.placed(alice, T0.plusSeconds(7_200), line("SOCK", 2, 300));
        history.placed(alice, T0.plusSeconds(5_000), new OrderLine("MUG", 1, new Money(999, "USD")));
        history.cancelled(cancelled, T0.plusSeconds(3_700));
        history.returned(alice, T0.plusSeconds(8_000), line("LAMP", 1, 2_000));
        history.viewed(bob, "MUG", T0);
        ProcessorBatch.handle(projection, delivered(history));

        List<CustomerFeatures> all = new ArrayList<>();
        reads.forEachCustomer(all::add);

        assertThat(all).singleElement().satisfies(features -> {
            assertThat(features.customerId()).isEqualTo(alice);
            assertThat(features.firstOrderAt()).isEqualTo(first.placedAt());
            assertThat(features.lastOrderAt()).isEqualTo(T0.plusSeconds(7_200));
            assertThat(features.orders()).isEqualTo(4);
            assertThat(features.currency()).isEqualTo("EUR");
            assertThat(features.monetaryMinor()).isEqualTo(4 * 500 + 2 * 2_000 + 2 * 300 - 2_000);
            assertThat(features.averageBasketSize()).isCloseTo((6 + 10 + 2 + 1) / 4.0, within(1e-9));
            // kept: MUG 4 + 1, LAMP 1, SOCK 2
            assertThat(features.categoryMix()).containsOnlyKeys("kitchen", "lighting", "uncategorised");
            assertThat(features.categoryMix().get("kitchen")).isCloseTo(5 / 8.0, within(1e-9));
            assertThat(features.categoryMix().get("lighting")).isCloseTo(1 / 8.0, within(1e-9));
            assertThat(features.categoryMix().get("uncategorised")).isCloseTo(2 / 8.0, within(1e-9));
            assertThat(features.cancellationRate()).isCloseTo(2 / 4.0, within(1e-9));
        });
        assertThat(reads.historyOf(alice).weights().get("MUG")).isCloseTo(1.0 + 1.0 + 1.0 - 1.0, within(1e-9));
        assertThat(reads.historyOf(alice).weights().get("LAMP")).isCloseTo(0.0, within(1e-9));
    }

    /** No read model keeps the orders: the cancellation reads its placement from the event store. */
    @Test
    void a_cancellation_after_a_restart_takes_back_the_order_placed_in_an_earlier_batch() throws Exception {
        BehaviourEvents history = new BehaviourEvents();
        history.placed(alice, T0, line("MUG", 4, 500));
        OrderPlaced cancelled = history.placed(alice, T0.plusSeconds(60), line("LAMP", 2, 2_000), line("MUG", 1, 500));
        history.cancelled(cancelled, T0.plusSeconds(120));
        List<TrackedEventMessage<?>> delivered = delivered(history);
        ProcessorBatch.handle(projection, delivered.subList(0, 2));
        assertThat(DatabaseSnapshot.of(readModels).collections()).containsOnlyKeys(BehaviourReadModel.CUSTOMERS,
                BehaviourReadModel.ITEMS);

        restart();
        ProcessorBatch.handle(projection, delivered.subList(2, 3));

        List<CustomerFeatures> all = new ArrayList<>();
        reads.forEachCustomer(all::add);
        assertThat(all).singleElement().satisfies(features -> {
            assertThat(features.monetaryMinor()).isEqualTo(4 * 500);
            assertThat(features.cancellationRate()).isCloseTo(1 / 2.0, within(1e-9));
        });
        assertThat(reads.historyOf(alice).weights().get("LAMP")).isCloseTo(0.0, within(1e-9));
        assertThat(reads.historyOf(alice).weights().get("MUG")).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void a_cancellation_of_an_order_the_event_store_never_placed_fails_its_batch_and_writes_nothing() {
        BehaviourEvents elsewhere = new BehaviourEvents();
        OrderPlaced unknown = elsewhere.placed(alice, T0, line("MUG", 1, 500));
        BehaviourEvents history = new BehaviourEvents();
        history.viewed(bob, "MUG", T0);
        history.cancelled(unknown, T0.plusSeconds(60));

        assertThatThrownBy(() -> ProcessorBatch.handle(projection, delivered(history)))
                .hasMessageContaining(unknown.orderId().value());
        assertThat(DatabaseSnapshot.of(readModels).collections()).isEmpty();
    }

    @Test
    void skus_with_dots_and_dollars_are_kept_as_they_are() throws Exception {
        BehaviourEvents history = new BehaviourEvents();
        history.viewed(alice, "$1.5%", T0);
        history.viewed(alice, "a.b", T0);
        ProcessorBatch.handle(projection, delivered(history));

        assertThat(reads.historyOf(alice).weights()).containsOnlyKeys("$1.5%", "a.b");
        assertThat(items().get("a.b").cooccurrence()).containsOnlyKeys("$1.5%");
    }

    @Test
    void a_batch_delivered_again_after_its_token_was_not_stored_leaves_the_same_documents() throws Exception {
        List<TrackedEventMessage<?>> history = delivered(history());
        ProcessorBatch.handle(projection, history);
        Map<String, Map<Object, Document>> once = DatabaseSnapshot.of(readModels).collections();
        emptyReadModel();

        ProcessorBatch.handleUncommitted(projection, history);
        ProcessorBatch.handle(projection, history);

        assertThat(DatabaseSnapshot.of(readModels).collections()).isEqualTo(once);
    }

    /** The retry's batch reaches further than the one that failed: rows part-counted are caught up, not counted twice. */
    @Test
    void a_longer_batch_after_a_partly_written_one_counts_every_pair_once() throws Exception {
        List<TrackedEventMessage<?>> history = delivered(history());
        ProcessorBatch.handle(projection, history);
        Map<String, Map<Object, Document>> once = BehaviourSnapshot.settled(readModels);
        emptyReadModel();

        ProcessorBatch.handleUncommitted(projection, history.subList(0, history.size() / 2));
        ProcessorBatch.handle(projection, history);

        assertThat(BehaviourSnapshot.settled(readModels)).isEqualTo(once);
    }

    /**
     * A flush writes the co-occurrence rows before the customers: one that failed in between leaves
     * rows that counted what their customers do not remember yet. The retry catches them up.
     */
    @Test
    void rows_written_by_a_flush_that_failed_before_the_customers_are_caught_up_not_counted_twice()
            throws Exception {
        List<TrackedEventMessage<?>> history = delivered(history());
        ProcessorBatch.handle(projection, history);
        Map<String, Map<Object, Document>> once = BehaviourSnapshot.settled(readModels);
        emptyReadModel();

        // alice has viewed S0 and put S1 in her cart: two of her four co-occurrence SKUs
        ProcessorBatch.handleUncommitted(projection, history.subList(0, 3));
        readModels.getCollection(BehaviourReadModel.CUSTOMERS).drop();
        ProcessorBatch.handle(projection, history);

        assertThat(BehaviourSnapshot.settled(readModels)).isEqualTo(once);
    }

    @Test
    void the_same_event_twice_in_one_batch_counts_once() throws Exception {
        List<TrackedEventMessage<?>> history = delivered(history());
        ProcessorBatch.handle(projection, history);
        Map<String, Map<Object, Document>> once = DatabaseSnapshot.of(readModels).collections();
        emptyReadModel();

        List<TrackedEventMessage<?>> twice = new ArrayList<>();
        history.forEach(event -> {
            twice.add(event);
            twice.add(event);
        });
        ProcessorBatch.handle(projection, twice);

        assertThat(DatabaseSnapshot.of(readModels).collections()).isEqualTo(once);
    }

    @Test
    void each_event_failing_to_commit_once_then_committed_on_its_own_ends_as_one_clean_batch() throws Exception {
        List<TrackedEventMessage<?>> history = delivered(history());
        ProcessorBatch.handle(projection, history);
        Map<String, Map<Object, Document>> clean = BehaviourSnapshot.settled(readModels);
        emptyReadModel();

        for (TrackedEventMessage<?> event : history) {
            ProcessorBatch.handleUncommitted(projection, List.of(event));
            ProcessorBatch.handle(projection, List.of(event));
        }

        assertThat(BehaviourSnapshot.settled(readModels)).isEqualTo(clean);
    }

    @Test
    void a_history_delivered_again_after_a_restart_changes_nothing() throws Exception {
        List<TrackedEventMessage<?>> history = delivered(history());
        ProcessorBatch.handle(projection, history);
        Map<String, Map<Object, Document>> once = DatabaseSnapshot.of(readModels).collections();

        restart();
        ProcessorBatch.handle(projection, history);

        assertThat(DatabaseSnapshot.of(readModels).collections()).isEqualTo(once);
    }

    @Test
    void a_replay_after_a_reset_leaves_the_documents_the_first_run_left() throws Exception {
        List<TrackedEventMessage<?>> history = delivered(history());
        ProcessorBatch.handle(projection, history);
        Map<String, Map<Object, Document>> first = DatabaseSnapshot.of(readModels).collections();

        for (int replay = 0; replay < 2; replay++) {
            ProcessorBatch.reset(projection);
            ProcessorBatch.handle(projection, history);

            assertThat(DatabaseSnapshot.of(readModels).collections()).as("replay %d", replay).isEqualTo(first);
        }
    }

    @Test
    void the_reset_handler_empties_the_read_models() throws Exception {
        ProcessorBatch.handle(projection, delivered(history()));

        ProcessorBatch.reset(projection);

        assertThat(reads.historyOf(alice)).isNull();
        assertThat(items()).isEmpty();
        assertThat(DatabaseSnapshot.of(readModels).collections()).isEmpty();
    }

    /** Two customers with every kind of event, orders of many lines and a cancellation among them. */
    private BehaviourEvents history() {
        BehaviourEvents history = new BehaviourEvents();
        history.catalogued("S1", "one");
        for (int i = 0; i < 6; i++) {
            CustomerId customer = i % 2 == 0 ? alice : bob;
            history.viewed(customer, "S" + i, T0.plusSeconds(i));
            history.carted(customer, "S" + (i + 1), T0.plusSeconds(i));
            OrderPlaced placed = history.placed(customer, T0.plusSeconds(i), line("S" + (i + 2), 1, 100),
                    line("S" + (i + 3), 2, 150));
            history.rated(customer, "S" + (i + 2), 1 + i % 5, T0.plusSeconds(i));
            if (i == 3) {
                history.cancelled(placed, T0.plusSeconds(100));
            }
        }
        history.returned(alice, T0.plusSeconds(200), line("S2", 1, 100));
        return history;
    }

    /** The history stored, where cancellations find their orders, and as a processor delivers it. */
    private List<TrackedEventMessage<?>> delivered(BehaviourEvents history) {
        events.appendEvents(history.published());
        return history.delivered();
    }

    private Map<String, ItemRow> items() {
        Map<String, ItemRow> rows = new HashMap<>();
        reads.forEachItem(row -> rows.put(row.sku(), row));
        return rows;
    }
}
