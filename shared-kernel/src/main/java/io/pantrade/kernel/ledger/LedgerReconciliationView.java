package io.pantrade.kernel.ledger;

import java.util.List;

/**
 * {@code balanced} is true when every currency sums to zero, every wallet is at or above zero in
 * its credit direction and no payment disagrees with its postings. The ledger is read without a
 * snapshot: while a batch of events is being written, a reconciliation may see part of it, so only
 * a mismatch that stays is a fault.
 */
public record LedgerReconciliationView(boolean balanced, List<CurrencyCheck> currencies, long mismatchCount,
                                       List<Mismatch> mismatches) {

    public LedgerReconciliationView {
        currencies = List.copyOf(currencies);
        mismatches = List.copyOf(mismatches);
    }

    /** {@code sumOfBalancesMinor} is the sum of every account's balance in this currency: zero when balanced. */
    public record CurrencyCheck(String currency, long sumOfBalancesMinor, boolean walletsNonNegative) {
    }

    /**
     * A rule that does not hold for a payment or an account: {@code expectedMinor} is what the
     * rule asks for (the postings' total, or the limit), {@code actualMinor} what the ledger holds.
     */
    public record Mismatch(String subject, String rule, String currency, long expectedMinor, long actualMinor) {
    }
}
