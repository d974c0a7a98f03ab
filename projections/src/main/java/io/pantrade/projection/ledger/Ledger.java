package io.pantrade.projection.ledger;

import io.pantrade.kernel.ledger.LedgerAccountId;
import io.pantrade.kernel.ledger.Posting;
import io.pantrade.kernel.ledger.PostingLine;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.projection.Delivery;
import io.pantrade.projection.RecentEvents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The double-entry ledger over payment events, with no storage of its own: accounts and payments
 * come from a {@link Store} the first time they are needed and are then kept here. The projection
 * uses one per batch of events over MongoDB; the property tests one over nothing, for a whole history.
 * <p>
 * Each event is taken in at most once per account and per payment, however often it is delivered:
 * a document remembers the ids of the events it took in until they are settled (see
 * {@link RecentEvents}). A guard on the highest position seen would not do: with a gap-aware token
 * (the JDBC event store), an event committed late arrives after events placed above it, and it
 * would be skipped, or, delivered again after a failed batch in another order, applied twice.
 */
final class Ledger {

    interface Store {
        Optional<AccountState> account(LedgerAccountId id);

        Optional<PaymentRecord> payment(PaymentId id);
    }

    private static final Store NOTHING = new Store() {
        @Override
        public Optional<AccountState> account(LedgerAccountId id) {
            return Optional.empty();
        }

        @Override
        public Optional<PaymentRecord> payment(PaymentId id) {
            return Optional.empty();
        }
    };

    private final Store store;
    private final long settledUpTo;
    private final Map<LedgerAccountId, AccountState> accounts = new LinkedHashMap<>();
    private final Map<PaymentId, PaymentRecord> payments = new LinkedHashMap<>();

    /** @param settledUpTo every event at or below this position is in a committed batch (-1: none is known to be) */
    Ledger(Store store, long settledUpTo) {
        this.store = store;
        this.settledUpTo = settledUpTo;
    }

    static Ledger empty() {
        return new Ledger(NOTHING, -1);
    }

    Recorded requested(PaymentAuthorizationRequested event) {
        if (payment(event.paymentId()).isPresent()) {
            return Recorded.NOTHING;
        }
        PaymentRecord created = PaymentRecord.requested(PaymentParties.of(event), event.amount().currency());
        payments.put(event.paymentId(), created);
        return new Recorded(created, List.of());
    }

    Recorded captured(PaymentCaptured event, Delivery delivery) {
        return post(event.paymentId(), delivery, parties -> PostingRules.captured(parties, event),
                (payment, made) -> payment.captured(event, made, delivery));
    }

    Recorded refunded(PaymentRefunded event, Delivery delivery) {
        return post(event.paymentId(), delivery, parties -> PostingRules.refunded(parties, event),
                (payment, made) -> payment.refunded(event, made, delivery));
    }

    Collection<AccountState> accounts() {
        return accounts.values();
    }

    Collection<PaymentRecord> payments() {
        return payments.values();
    }

    Optional<AccountState> account(LedgerAccountId id) {
        return known(accounts, id, store::account, account -> account.settledUpTo(settledUpTo));
    }

    private Optional<PaymentRecord> payment(PaymentId id) {
        return known(payments, id, store::payment, payment -> payment.settledUpTo(settledUpTo));
    }

    /** From what this ledger holds, else from the store (once). */
    private static <K, V> Optional<V> known(Map<K, V> held, K id, Function<K, Optional<V>> stored,
                                            UnaryOperator<V> settle) {
        V known = held.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<V> loaded = stored.apply(id).map(settle);
        loaded.ifPresent(value -> held.put(id, value));
        return loaded;
    }

    private Recorded post(PaymentId paymentId, Delivery delivery,
                          Function<PaymentParties, List<Posting>> rules,
                          BiFunction<PaymentRecord, List<Posting>, PaymentRecord> totals) {
        PaymentRecord payment = payment(paymentId).orElseThrow(() -> new IllegalStateException(
                "payment " + paymentId + " moved money before its authorization was requested"));
        List<Posting> made = rules.apply(payment.parties());
        PaymentRecord paymentAfter = null;
        if (!payment.recent().includes(delivery)) {
            paymentAfter = totals.apply(payment, made);
            payments.put(paymentId, paymentAfter);
        }
        List<AccountState.Posted> posted = new ArrayList<>();
        for (LedgerAccountId id : accountsTouched(made)) {
            AccountState account = account(id).orElseGet(() -> AccountState.opened(id));
            if (!account.recent().includes(delivery)) {
                AccountState.Posted change = account.post(made, delivery);
                accounts.put(id, change.account());
                posted.add(change);
            }
        }
        return new Recorded(paymentAfter, posted);
    }

    private static Set<LedgerAccountId> accountsTouched(List<Posting> postings) {
        Set<LedgerAccountId> touched = new LinkedHashSet<>();
        postings.forEach(posting -> posting.lines().stream().map(PostingLine::account).forEach(touched::add));
        return touched;
    }

    /**
     * What one delivery changed: the payment as it is now ({@code null} when it had taken the
     * event in before), and the accounts that took it in now, with their new entries.
     */
    record Recorded(PaymentRecord payment, List<AccountState.Posted> accounts) {

        static final Recorded NOTHING = new Recorded(null, List.of());

        Recorded {
            accounts = List.copyOf(accounts);
        }
    }
}
