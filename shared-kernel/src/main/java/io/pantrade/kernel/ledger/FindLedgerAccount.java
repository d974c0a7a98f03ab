package io.pantrade.kernel.ledger;

/**
 * An account's balances and its postings newest first, {@code limit} at a time; {@code before} is
 * the cursor of the previous page ({@code null} for the newest). Answered with a
 * {@link LedgerAccountView}, or {@code null} when no posting ever touched the account.
 */
public record FindLedgerAccount(LedgerAccountId accountId, int limit, Long before) {
}
