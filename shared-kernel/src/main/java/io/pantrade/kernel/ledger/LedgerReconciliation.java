package io.pantrade.kernel.ledger;

/**
 * Checks the whole ledger: every currency sums to zero, no wallet is below zero, and each payment's
 * totals agree with its postings. At most {@code mismatchLimit} mismatches are listed (all are
 * counted). Answered with a {@link LedgerReconciliationView}.
 */
public record LedgerReconciliation(int mismatchLimit) {
}
