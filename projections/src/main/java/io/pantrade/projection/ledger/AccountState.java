package io.pantrade.projection.ledger;

import io.pantrade.kernel.ledger.LedgerAccountId;
import io.pantrade.kernel.ledger.Posting;
import io.pantrade.kernel.ledger.PostingLine;
import io.pantrade.projection.Delivery;
import io.pantrade.projection.RecentEvents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An account as the ledger keeps it: what was debited and credited in all, per currency, and how
 * many postings touched it (they are numbered 1, 2, … in the order they were taken in).
 */
record AccountState(LedgerAccountId id, Map<String, Turnover> currencies, long entryCount, RecentEvents recent) {

    AccountState {
        currencies = Map.copyOf(currencies);
    }

    static AccountState opened(LedgerAccountId id) {
        return new AccountState(id, Map.of(), 0, RecentEvents.NONE);
    }

    /** debits − credits: positive for provider-clearing, negative (in credit) for a wallet with money in it. */
    long balance(String currency) {
        Turnover turnover = currencies.get(currency);
        return turnover == null ? 0 : turnover.balance();
    }

    /** The postings of this delivery that touch the account, numbered after the ones before. */
    Posted post(List<Posting> postings, Delivery delivery) {
        Map<String, Turnover> after = new TreeMap<>(currencies);
        List<Entry> entries = new ArrayList<>();
        long number = entryCount;
        for (Posting posting : postings) {
            List<PostingLine> mine = posting.lines().stream().filter(line -> line.account().equals(id)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            entries.add(new Entry(++number, posting));
            mine.forEach(line -> after.merge(line.amount().currency(), Turnover.of(line.amount().amountMinor()),
                    Turnover::plus));
        }
        return new Posted(new AccountState(id, after, number, recent.plus(delivery)), entries);
    }

    AccountState settledUpTo(long position) {
        return new AccountState(id, currencies, entryCount, recent.settledUpTo(position));
    }

    record Turnover(long debits, long credits) {

        static Turnover of(long signedAmount) {
            return signedAmount >= 0 ? new Turnover(signedAmount, 0) : new Turnover(0, Math.negateExact(signedAmount));
        }

        Turnover plus(Turnover other) {
            return new Turnover(Math.addExact(debits, other.debits), Math.addExact(credits, other.credits));
        }

        long balance() {
            return Math.subtractExact(debits, credits);
        }
    }

    /** A posting as it appears in one account's statement. */
    record Entry(long number, Posting posting) {
    }

    /** The account after a delivery, and the entries that delivery added to it. */
    record Posted(AccountState account, List<Entry> entries) {
    }
}
