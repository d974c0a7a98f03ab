package io.pantrade.projection.ledger;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.ledger.LedgerAccountId;
import io.pantrade.kernel.ledger.Posting;
import io.pantrade.kernel.ledger.PostingLine;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentRefunded;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static io.pantrade.kernel.ledger.LedgerAccountId.FEES;
import static io.pantrade.kernel.ledger.LedgerAccountId.PROVIDER_CLEARING;
import static io.pantrade.kernel.ledger.LedgerAccountId.REFUNDS;

/**
 * Which postings a payment event makes. Accounts, each with a balance per currency:
 * <ul>
 *   <li>{@code provider-clearing}: money the payment provider holds for us (an asset: debit balance);
 *   <li>{@code customer:<id>}: what passes through for a customer's payments;
 *   <li>{@code merchant:<id>}: what the merchants are owed;
 *   <li>{@code fees}: what the operator earned;
 *   <li>{@code refunds}: refunds owed to customers and not yet paid out.
 * </ul>
 * Debits are positive, credits negative, every posting sums to zero per currency. Lines of zero are
 * left out (a capture without a fee has no fee line).
 * <ul>
 *   <li>PaymentCaptured(X, fee f): "funds received" Dr provider-clearing X, Cr customer X; then
 *       "earned" Dr customer X, Cr merchant X−f, Cr fees f.
 *   <li>PaymentRefunded(R, feeReturned r): "refund owed" Dr merchant R−r, Dr fees r, Cr refunds R;
 *       then "refund paid out" Dr refunds R, Cr provider-clearing R.
 * </ul>
 * Requesting, authorizing, declining, voiding or expiring an authorization moves no money and posts
 * nothing: a hold is the provider's promise to pay, not money anyone has. Every account but
 * provider-clearing is a wallet and never goes below zero in its credit direction, given what the
 * Payment aggregate guarantees (captures within the authorization, refunds within captures, fees
 * within captures, fees returned pro rata by {@link io.pantrade.kernel.payment.Fees}).
 */
final class PostingRules {

    private PostingRules() {
    }

    static List<Posting> captured(PaymentParties parties, PaymentCaptured captured) {
        Money amount = captured.amount();
        Money fee = captured.fee();
        LedgerAccountId customer = LedgerAccountId.customer(parties.customerId());
        String id = parties.paymentId() + "/capture/" + captured.captureId();
        Instant at = captured.capturedAt();
        return List.of(
                posting(parties, id + "/funds-received", "funds received", at,
                        line(PROVIDER_CLEARING, amount), line(customer, negate(amount))),
                posting(parties, id + "/earned", "earned", at,
                        line(customer, amount),
                        line(LedgerAccountId.merchant(parties.merchantId()), negate(amount).plus(fee)),
                        line(FEES, negate(fee))));
    }

    static List<Posting> refunded(PaymentParties parties, PaymentRefunded refunded) {
        Money amount = refunded.amount();
        Money feeReturned = refunded.feeReturned();
        String id = parties.paymentId() + "/refund/" + refunded.refundId();
        Instant at = refunded.refundedAt();
        return List.of(
                posting(parties, id + "/refund-owed", "refund owed", at,
                        line(LedgerAccountId.merchant(parties.merchantId()), amount.plus(negate(feeReturned))),
                        line(FEES, feeReturned),
                        line(REFUNDS, negate(amount))),
                posting(parties, id + "/refund-paid-out", "refund paid out", at,
                        line(REFUNDS, amount), line(PROVIDER_CLEARING, negate(amount))));
    }

    private static Posting posting(PaymentParties parties, String id, String description, Instant at,
                                   PostingLine... lines) {
        return new Posting(id, parties.paymentId(), description, at,
                Arrays.stream(lines).filter(line -> line.amount().amountMinor() != 0).toList());
    }

    private static PostingLine line(LedgerAccountId account, Money amount) {
        return new PostingLine(account, amount);
    }

    private static Money negate(Money amount) {
        return amount.times(-1);
    }
}
