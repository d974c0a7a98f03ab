package io.pantrade.projection.ledger;

import io.pantrade.projection.Delivery;
import io.pantrade.kernel.ledger.LedgerAccountId;
import io.pantrade.kernel.ledger.LedgerReconciliationView;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.projection.ledger.PaymentHistory.Event;
import io.pantrade.projection.ledger.PaymentHistory.Operation;
import io.pantrade.projection.ledger.PaymentHistory.Payment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger over any valid history of payments: the books always balance and no wallet goes below zero. */
class LedgerPropertyTest {

    @Property(tries = 500)
    void every_currency_sums_to_zero_and_no_wallet_goes_negative_after_every_event(
            @ForAll("operations") List<Operation> operations) {
        PaymentHistory history = PaymentHistory.of(operations);
        Ledger ledger = Ledger.empty();
        long position = 0;
        for (Event event : history.events()) {
            record(ledger, event, ++position);

            Map<String, Long> sums = new HashMap<>();
            for (AccountState account : ledger.accounts()) {
                account.currencies().forEach((currency, turnover) -> {
                    sums.merge(currency, turnover.balance(), Long::sum);
                    if (account.id().isWallet()) {
                        assertThat(turnover.balance()).as("%s in %s", account.id(), currency).isLessThanOrEqualTo(0);
                    }
                });
            }
            assertThat(sums.values()).allSatisfy(sum -> assertThat(sum).isZero());
            assertThat(ledger.payments()).allSatisfy(payment ->
                    assertThat(payment.refunded()).isLessThanOrEqualTo(payment.captured()));
        }
        Statistics.label("money moved").collect(history.payments().stream().anyMatch(p -> p.captured > 0));
        Statistics.label("refunds").collect(history.payments().stream().anyMatch(p -> p.refunded > 0));
        Statistics.label("money moved").coverage(coverage -> coverage.check(true).percentage(p -> p > 50));
        Statistics.label("refunds").coverage(coverage -> coverage.check(true).percentage(p -> p > 20));
    }

    @Property(tries = 300)
    void each_account_holds_what_the_payments_say(@ForAll("operations") List<Operation> operations) {
        PaymentHistory history = PaymentHistory.of(operations);
        Ledger ledger = recorded(history);

        Map<LedgerAccountId, Map<String, Long>> expected = new HashMap<>();
        for (Payment payment : history.payments()) {
            long merchantShare = (payment.captured - payment.fees) - (payment.refunded - payment.feesReturned);
            expect(expected, LedgerAccountId.PROVIDER_CLEARING, payment.currency, payment.captured - payment.refunded);
            expect(expected, LedgerAccountId.merchant(payment.merchant), payment.currency, -merchantShare);
            expect(expected, LedgerAccountId.FEES, payment.currency, -(payment.fees - payment.feesReturned));
            expect(expected, LedgerAccountId.customer(payment.customer), payment.currency, 0);
            expect(expected, LedgerAccountId.REFUNDS, payment.currency, 0);
        }
        expected.forEach((account, byCurrency) -> byCurrency.forEach((currency, balance) ->
                assertThat(ledger.account(account).map(state -> state.balance(currency)).orElse(0L))
                        .as("%s in %s", account, currency).isEqualTo(balance)));
        for (Payment payment : history.payments()) {
            PaymentRecord seen = ledger.payments().stream()
                    .filter(record -> record.parties().paymentId().equals(payment.id)).findFirst().orElseThrow();
            assertThat(List.of(seen.captured(), seen.fees(), seen.refunded(), seen.feesReturned()))
                    .containsExactly(payment.captured, payment.fees, payment.refunded, payment.feesReturned);
        }
    }

    @Property(tries = 300)
    void reconciliation_finds_the_ledger_of_any_valid_history_balanced(@ForAll("operations") List<Operation> operations) {
        Ledger ledger = recorded(PaymentHistory.of(operations));
        Reconciliation reconciliation = new Reconciliation(10);
        ledger.accounts().forEach(reconciliation::account);
        ledger.payments().forEach(reconciliation::payment);

        LedgerReconciliationView view = reconciliation.view();

        assertThat(view.mismatches()).isEmpty();
        assertThat(view.balanced()).isTrue();
        assertThat(view.currencies()).allSatisfy(currency -> {
            assertThat(currency.sumOfBalancesMinor()).isZero();
            assertThat(currency.walletsNonNegative()).isTrue();
        });
    }

    @Property(tries = 300)
    void events_delivered_again_change_nothing(@ForAll("operations") List<Operation> operations,
                                               @ForAll @Size(max = 30) List<Integer> again) {
        PaymentHistory history = PaymentHistory.of(operations);
        List<Event> events = history.events();
        Ledger ledger = recorded(history);
        Map<LedgerAccountId, AccountState> accounts = accountsOf(ledger);
        List<PaymentRecord> payments = List.copyOf(ledger.payments());

        long position = events.size();
        for (int pick : again) {
            if (!events.isEmpty()) {
                record(ledger, events.get(Math.floorMod(pick, events.size())), ++position);
            }
        }

        assertThat(accountsOf(ledger)).isEqualTo(accounts);
        assertThat(ledger.payments()).containsExactlyElementsOf(payments);
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        return Combinators.combine(
                        Arbitraries.frequency(Tuple.of(2, Operation.AUTHORIZE), Tuple.of(4, Operation.CAPTURE),
                                Tuple.of(3, Operation.REFUND), Tuple.of(1, Operation.VOID), Tuple.of(1, Operation.EXPIRE)),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.integers().between(0, 110))
                .as(Operation::new)
                .list().ofMinSize(4).ofMaxSize(60);
    }

    static Ledger recorded(PaymentHistory history) {
        Ledger ledger = Ledger.empty();
        long position = 0;
        for (Event event : history.events()) {
            record(ledger, event, ++position);
        }
        return ledger;
    }

    /** As the projection's handlers do; an authorization, a decline, a void or an expiry moves no money. */
    private static void record(Ledger ledger, Event event, long position) {
        Delivery delivery = new Delivery(event.id(), position);
        if (event.payload() instanceof PaymentAuthorizationRequested requested) {
            ledger.requested(requested);
        } else if (event.payload() instanceof PaymentCaptured captured) {
            ledger.captured(captured, delivery);
        } else if (event.payload() instanceof PaymentRefunded refunded) {
            ledger.refunded(refunded, delivery);
        }
    }

    private static Map<LedgerAccountId, AccountState> accountsOf(Ledger ledger) {
        Map<LedgerAccountId, AccountState> accounts = new HashMap<>();
        ledger.accounts().forEach(account -> accounts.put(account.id(), account));
        return accounts;
    }

    private static void expect(Map<LedgerAccountId, Map<String, Long>> expected, LedgerAccountId account,
                               String currency, long balance) {
        expected.computeIfAbsent(account, key -> new HashMap<>()).merge(currency, balance, Long::sum);
    }
}
