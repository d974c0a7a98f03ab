package io.pantrade.kernel.ledger;

import io.pantrade.kernel.Money;

/** One side of a posting: a debit is a positive amount, a credit a negative one. */
public record PostingLine(LedgerAccountId account, Money amount) {
}
