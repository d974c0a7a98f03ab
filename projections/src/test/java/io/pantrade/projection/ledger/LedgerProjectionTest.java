package io.pantrade.projection.ledger;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.ledger.LedgerAccountId;
import io.pantrade.kernel.ledger.LedgerAccountView;
import io.pantrade.kernel.ledger.LedgerAccountView.Balance;
import io.pantrade.kernel.ledger.LedgerReconciliationView;
import io.pantrade.kernel.ledger.LedgerReconciliationView.Mismatch;
import io.pantrade.kernel.ledger.Posting;
import io.pantrade.kernel.ledger.PostingLine;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.projection.ProcessorBatch;
import io.pantrade.testing.EmbeddedMongo;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.pantrade.kernel.ledger.LedgerAccountId.FEES;
import static io.pantrade.kernel.ledger.LedgerAccountId.PROVIDER_CLEARING;
import static io.pantrade.kernel.ledger.LedgerAccountId.REFUNDS;
import static io.pantrade.projection.ledger.LedgerEvents.captured;
import static io.pantrade.projection.ledger.LedgerEvents.customer;
import static io.pantrade.projection.ledger.LedgerEvents.delivered;
import static io.pantrade.projection.ledger.LedgerEvents.eur;
import static io.pantrade.projection.ledger.LedgerEvents.merchant;
import static io.pantrade.projection.ledger.LedgerEvents.message;
import static io.pantrade.projection.ledger.LedgerEvents.payment;
import static io.pantrade.projection.ledger.LedgerEvents.refunded;
import static io.pantrade.projection.ledger.LedgerEvents.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger projection's handlers over MongoDB, in processor-style batches: what a capture and a
 * refund post, that an event delivered again changes nothing, and that statements page newest first.
 */
class LedgerProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = EmbeddedMongo.perTestClass();

    private final PaymentId payment = payment();
    private final CustomerId alice = customer();
    private final MerchantId shop = merchant();
    private final LedgerAccountId aliceAccount = LedgerAccountId.customer(alice);
    private final LedgerAccountId shopAccount = LedgerAccountId.merchant(shop);

    private MongoDatabase readModels;
    private LedgerReadModel ledger;
    private LedgerProjection projection;

    @BeforeEach
    void emptyReadModel() {
        readModels = mongo.emptyDatabase("ledger_read_models");
        ledger = new LedgerReadModel(readModels);
        projection = new LedgerProjection(ledger);
    }

    @Test
    void a_capture_moves_the_money_from_the_provider_through_the_customer_to_the_merchant_and_the_fees() throws Exception {
        ProcessorBatch.handle(projection, List.of(
                delivered(message(payment, 0, requested(payment, alice, shop, 10_000)), 1),
                delivered(message(payment, 1, captured(payment, "c1", 10_000, 290)), 2)));

        assertThat(balance(PROVIDER_CLEARING)).isEqualTo(new Balance("EUR", 10_000, 0, 10_000));
        assertThat(balance(aliceAccount)).isEqualTo(new Balance("EUR", 10_000, 10_000, 0));
        assertThat(balance(shopAccount)).isEqualTo(new Balance("EUR", 0, 9_710, -9_710));
        assertThat(balance(FEES)).isEqualTo(new Balance("EUR", 0, 290, -290));
        assertThat(ledger.find(REFUNDS, 10, null)).isEmpty();

        String prefix = payment + "/capture/c1/";
        assertThat(page(aliceAccount)).extracting(Posting::postingId)
                .containsExactly(prefix + "earned", prefix + "funds-received");
        Posting earned = page(shopAccount).get(0);
        assertThat(earned.description()).isEqualTo("earned");
        assertThat(earned.paymentId()).isEqualTo(payment);
        assertThat(earned.at()).isEqualTo(LedgerEvents.T0.plusSeconds(60));
        assertThat(earned.lines()).containsExactly(line(aliceAccount, 10_000), line(shopAccount, -9_710),
                line(FEES, -290));
        assertThat(page(PROVIDER_CLEARING).get(0).lines())
                .containsExactly(line(PROVIDER_CLEARING, 10_000), line(aliceAccount, -10_000));
        assertThat(ledger.find(shopAccount, 10, null).orElseThrow().wallet()).isTrue();
        assertThat(ledger.find(PROVIDER_CLEARING, 10, null).orElseThrow().wallet()).isFalse();
    }

    @Test
    void a_refund_takes_back_the_merchants_share_and_the_fees_share_and_pays_the_customer_out() throws Exception {
        ProcessorBatch.handle(projection, List.of(
                delivered(message(payment, 0, requested(payment, alice, shop, 10_000)), 1),
                delivered(message(payment, 1, captured(payment, "c1", 10_000, 290)), 2),
                delivered(message(payment, 2, refunded(payment, "r1", 2_500, 72)), 3)));

        assertThat(balance(PROVIDER_CLEARING).balanceMinor()).isEqualTo(7_500);
        assertThat(balance(shopAccount)).isEqualTo(new Balance("EUR", 2_428, 9_710, -7_282));
        assertThat(balance(FEES)).isEqualTo(new Balance("EUR", 72, 290, -218));
        assertThat(balance(REFUNDS)).isEqualTo(new Balance("EUR", 2_500, 2_500, 0));
        assertThat(balance(aliceAccount).balanceMinor()).isZero();
        String prefix = payment + "/refund/r1/";
        assertThat(page(REFUNDS)).extracting(Posting::postingId)
                .containsExactly(prefix + "refund-paid-out", prefix + "refund-owed");
        assertThat(page(REFUNDS).get(1).lines())
                .containsExactly(line(shopAccount, 2_428), line(FEES, 72), line(REFUNDS, -2_500));
        assertThat(page(PROVIDER_CLEARING).get(0).lines())
                .containsExactly(line(REFUNDS, 2_500), line(PROVIDER_CLEARING, -2_500));
        assertThat(ledger.reconcile(10).balanced()).isTrue();
    }

    @Test
    void a_capture_without_a_fee_has_no_fee_line() throws Exception {
        ProcessorBatch.handle(projection, List.of(
                delivered(message(payment, 0, requested(payment, alice, shop, 500)), 1),
                delivered(message(payment, 1, captured(payment, "c1", 500, 0)), 2)));

        assertThat(page(shopAccount).get(0).lines()).containsExactly(line(aliceAccount, 500), line(shopAccount, -500));
        assertThat(ledger.find(FEES, 10, null)).isEmpty();
    }

    @Test
    void a_batch_delivered_again_after_its_token_was_not_stored_leaves_the_same_documents() throws Exception {
        List<TrackedEventMessage<?>> history = history();
        ProcessorBatch.handle(projection, history);
        LedgerSnapshot once = LedgerSnapshot.of(readModels);
        emptyReadModel();

        ProcessorBatch.handleUncommitted(projection, history);
        ProcessorBatch.handle(projection, history);

        assertThat(LedgerSnapshot.of(readModels)).isEqualTo(once);
    }

    @Test
    void the_same_event_twice_in_one_batch_is_taken_in_once() throws Exception {
        List<TrackedEventMessage<?>> history = history();
        ProcessorBatch.handle(projection, history);
        LedgerSnapshot once = LedgerSnapshot.of(readModels);
        emptyReadModel();

        List<TrackedEventMessage<?>> twice = new ArrayList<>();
        history.forEach(event -> {
            twice.add(event);
            twice.add(event);
        });
        ProcessorBatch.handle(projection, twice);

        assertThat(LedgerSnapshot.of(readModels)).isEqualTo(once);
    }

    @Test
    void each_event_failing_to_commit_once_then_committed_in_a_batch_of_its_own_ends_as_one_clean_batch()
            throws Exception {
        List<TrackedEventMessage<?>> history = history();
        ProcessorBatch.handle(projection, history);
        LedgerSnapshot clean = LedgerSnapshot.of(readModels).withoutRecentEvents();
        emptyReadModel();

        for (TrackedEventMessage<?> event : history) {
            ProcessorBatch.handleUncommitted(projection, List.of(event));
            ProcessorBatch.handle(projection, List.of(event));
        }

        assertThat(LedgerSnapshot.of(readModels).withoutRecentEvents()).isEqualTo(clean);
        assertThat(balance(PROVIDER_CLEARING).balanceMinor()).isEqualTo(10_000 - 2_500);
    }

    /**
     * With a gap-aware token (the JDBC event store), an event committed late arrives after events
     * placed above it; a failed batch is then delivered again in store order, which is another order.
     */
    @Test
    void an_event_that_fills_a_gap_is_taken_in_once_whatever_order_it_is_delivered_in() throws Exception {
        PaymentId other = payment();
        GenericDomainEventMessage<Object> placedAbove = message(payment, 1, captured(payment, "c1", 1_000, 30));
        GenericDomainEventMessage<Object> committedLate = message(other, 1, captured(other, "c1", 400, 12));
        ProcessorBatch.handle(projection, List.of(
                delivered(message(payment, 0, requested(payment, alice, shop, 1_000)), gapAware(1)),
                delivered(message(other, 0, requested(other, alice, shop, 400)), gapAware(2))));

        ProcessorBatch.handleUncommitted(projection, List.of(
                delivered(placedAbove, gapAware(11, 10L)),
                delivered(committedLate, gapAware(11))));
        assertThat(balance(PROVIDER_CLEARING).balanceMinor()).isEqualTo(1_400);

        ProcessorBatch.handle(projection, List.of(
                delivered(committedLate, gapAware(10)),
                delivered(placedAbove, gapAware(11))));

        assertThat(balance(PROVIDER_CLEARING).balanceMinor()).isEqualTo(1_400);
        assertThat(balance(FEES).balanceMinor()).isEqualTo(-42);
        assertThat(page(PROVIDER_CLEARING)).hasSize(2);
        assertThat(ledger.reconcile(10).balanced()).isTrue();
    }

    @Test
    void events_of_committed_batches_are_forgotten_by_the_documents_they_changed() throws Exception {
        ProcessorBatch.handle(projection, List.of(
                delivered(message(payment, 0, requested(payment, alice, shop, 10_000)), 1),
                delivered(message(payment, 1, captured(payment, "c1", 1_000, 30)), 2)));
        GenericDomainEventMessage<Object> second = message(payment, 2, captured(payment, "c2", 1_000, 30));
        ProcessorBatch.handle(projection, List.of(delivered(second, 3)));

        assertThat(readModels.getCollection(LedgerReadModel.ACCOUNTS).find(Filters.eq("_id", "provider-clearing"))
                .first().getList("recentEvents", org.bson.Document.class))
                .extracting(event -> event.getString("eventId")).containsExactly(second.getIdentifier());
    }

    @Test
    void an_account_pages_its_postings_newest_first_across_buckets() throws Exception {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        events.add(delivered(message(payment, 0, requested(payment, alice, shop, 1_000_000)), 1));
        for (int i = 1; i <= 230; i++) {
            events.add(delivered(message(payment, i, captured(payment, "c" + i, 100, 3)), i + 1));
        }
        for (int from = 0; from < events.size(); from += 70) {
            ProcessorBatch.handle(projection, events.subList(from, Math.min(from + 70, events.size())));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            LedgerAccountView view = ledger.find(shopAccount, 50, cursor == null ? null : Long.valueOf(cursor))
                    .orElseThrow();
            view.postings().forEach(posting -> seen.add(posting.postingId()));
            cursor = view.nextCursor();
            pages++;
        } while (cursor != null);

        List<String> newestFirst = new ArrayList<>();
        for (int i = 230; i >= 1; i--) {
            newestFirst.add(payment + "/capture/c" + i + "/earned");
        }
        assertThat(pages).isEqualTo(5);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(ledger.find(shopAccount, 10, 105L).orElseThrow().postings()).extracting(Posting::postingId)
                .containsExactlyElementsOf(newestFirst.subList(230 - 104, 230 - 94));
        assertThat(ledger.find(shopAccount, 10, 1L).orElseThrow().postings()).isEmpty();
        assertThat(ledger.find(shopAccount, 10, 1L).orElseThrow().nextCursor()).isNull();
        assertThat(balance(shopAccount).creditsMinor()).isEqualTo(230 * 97);
        assertThat(readModels.getCollection(LedgerReadModel.ACCOUNT_POSTINGS)
                .countDocuments(Filters.in("_id", shopAccount + "#0", shopAccount + "#1", shopAccount + "#2")))
                .isEqualTo(3);
    }

    @Test
    void reconciliation_names_a_payment_whose_totals_disagree_with_its_postings_and_a_ledger_that_does_not_sum_to_zero()
            throws Exception {
        ProcessorBatch.handle(projection, history());
        assertThat(ledger.reconcile(10).balanced()).isTrue();

        readModels.getCollection(LedgerReadModel.PAYMENTS)
                .updateOne(Filters.eq("_id", payment.value()), Updates.set("capturedMinor", 9_000L));
        readModels.getCollection(LedgerReadModel.ACCOUNTS)
                .updateOne(Filters.eq("_id", shopAccount.value()), Updates.set("currencies.EUR.debits", 10_000L));
        LedgerReconciliationView view = ledger.reconcile(10);

        assertThat(view.balanced()).isFalse();
        assertThat(view.mismatches()).contains(
                new Mismatch(payment.value(), "payment.captured-as-posted", "EUR", 10_000, 9_000),
                new Mismatch(shopAccount.value(), Reconciliation.WALLET_NON_NEGATIVE, "EUR", 0, -(10_000 - 9_710)));
        assertThat(view.currencies()).singleElement().satisfies(eur -> {
            assertThat(eur.sumOfBalancesMinor()).isEqualTo(10_000 - 2_428);
            assertThat(eur.walletsNonNegative()).isFalse();
        });
        assertThat(ledger.reconcile(1).mismatches()).hasSize(1);
        assertThat(ledger.reconcile(1).mismatchCount()).isEqualTo(view.mismatchCount());
    }

    @Test
    void money_moved_for_a_payment_whose_authorization_was_never_seen_fails_the_batch() {
        assertThatThrownBy(() -> ProcessorBatch.handle(projection,
                List.of(delivered(message(payment, 1, captured(payment, "c1", 100, 3)), 1))))
                .hasMessageContaining("before its authorization was requested");
        assertThat(readModels.getCollection(LedgerReadModel.ACCOUNTS).countDocuments()).isZero();
    }

    @Test
    void the_reset_handler_empties_the_read_model() throws Exception {
        ProcessorBatch.handle(projection, history());

        ProcessorBatch.reset(projection);

        assertThat(LedgerSnapshot.of(readModels)).isEqualTo(new LedgerSnapshot(java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of()));
        assertThat(ledger.find(PROVIDER_CLEARING, 10, null)).isEmpty();
    }

    /** A payment of 100.00 captured with 2.90 fee, then 25.00 of it refunded with 0.72 of the fee. */
    private List<TrackedEventMessage<?>> history() {
        return List.of(
                delivered(message(payment, 0, requested(payment, alice, shop, 10_000)), 1),
                delivered(message(payment, 1, captured(payment, "c1", 10_000, 290)), 2),
                delivered(message(payment, 2, refunded(payment, "r1", 2_500, 72)), 3));
    }

    private Balance balance(LedgerAccountId account) {
        return ledger.find(account, 1, null).orElseThrow().balances().stream()
                .filter(balance -> balance.currency().equals("EUR")).findFirst().orElseThrow();
    }

    private List<Posting> page(LedgerAccountId account) {
        return ledger.find(account, 50, null).orElseThrow().postings();
    }

    private static PostingLine line(LedgerAccountId account, long amount) {
        return new PostingLine(account, eur(amount));
    }

    private static GapAwareTrackingToken gapAware(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gaps));
    }
}
