package io.pantrade.kernel.ledger;

import java.util.List;

/**
 * An account as the ledger shows it: per currency what was debited and credited in all and the
 * balance ({@code debits − credits}, so a wallet in credit has a negative balance), and a page of
 * its postings, newest first. {@code nextCursor} is the {@code before} of the next page, {@code null}
 * on the last.
 */
public record LedgerAccountView(LedgerAccountId accountId, boolean wallet, List<Balance> balances,
                                List<Posting> postings, String nextCursor) {

    public LedgerAccountView {
        balances = List.copyOf(balances);
        postings = List.copyOf(postings);
    }

    public record Balance(String currency, long debitsMinor, long creditsMinor, long balanceMinor) {
    }
}
