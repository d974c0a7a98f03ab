package io.pantrade.projection.ledger;

import io.pantrade.kernel.ledger.LedgerAccountId;
import io.pantrade.kernel.ledger.LedgerReconciliationView;
import io.pantrade.kernel.ledger.LedgerReconciliationView.CurrencyCheck;
import io.pantrade.kernel.ledger.LedgerReconciliationView.Mismatch;
import io.pantrade.kernel.ledger.Posting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Checks a ledger fed to it one account and one payment at a time, so a whole MongoDB read model
 * can stream through it in constant memory (but for the mismatches it lists):
 * <ul>
 *   <li>every currency sums to zero over all accounts;
 *   <li>no wallet is below zero in its credit direction;
 *   <li>each payment's captured, fee, refunded and fee-returned totals equal what its postings moved
 *       through provider-clearing and fees, refunds stay within captures, fees within captures, fees
 *       returned within fees, and the merchant keeps a share of at least zero.
 * </ul>
 */
final class Reconciliation {

    static final String WALLET_NON_NEGATIVE = "wallet.non-negative";

    private final int mismatchLimit;
    private final Map<String, Long> sums = new TreeMap<>();
    private final Set<String> negativeWalletCurrencies = new TreeSet<>();
    private final List<Mismatch> mismatches = new ArrayList<>();
    private long mismatchCount;

    Reconciliation(int mismatchLimit) {
        this.mismatchLimit = mismatchLimit;
    }

    void account(AccountState account) {
        account.currencies().forEach((currency, turnover) -> {
            sums.merge(currency, turnover.balance(), Math::addExact);
            if (account.id().isWallet() && turnover.balance() > 0) {
                negativeWalletCurrencies.add(currency);
                mismatch(account.id().value(), WALLET_NON_NEGATIVE, currency, 0, -turnover.balance());
            }
        });
    }

    void payment(PaymentRecord payment) {
        String id = payment.parties().paymentId().value();
        String currency = payment.currency();
        List<Posting> postings = payment.postings();
        check(id, "payment.captured-as-posted", currency,
                moved(postings, LedgerAccountId.PROVIDER_CLEARING, amount -> amount > 0), payment.captured());
        check(id, "payment.refunded-as-posted", currency,
                -moved(postings, LedgerAccountId.PROVIDER_CLEARING, amount -> amount < 0), payment.refunded());
        check(id, "payment.fees-as-posted", currency,
                -moved(postings, LedgerAccountId.FEES, amount -> amount < 0), payment.fees());
        check(id, "payment.fees-returned-as-posted", currency,
                moved(postings, LedgerAccountId.FEES, amount -> amount > 0), payment.feesReturned());
        atMost(id, "payment.refunds-within-captures", currency, payment.captured(), payment.refunded());
        atMost(id, "payment.fees-within-captures", currency, payment.captured(), payment.fees());
        atMost(id, "payment.fees-returned-within-fees", currency, payment.fees(), payment.feesReturned());
        atMost(id, "payment.merchant-share-non-negative", currency,
                payment.captured() - payment.fees(), payment.refunded() - payment.feesReturned());
    }

    LedgerReconciliationView view() {
        List<CurrencyCheck> currencies = sums.entrySet().stream()
                .map(sum -> new CurrencyCheck(sum.getKey(), sum.getValue(),
                        !negativeWalletCurrencies.contains(sum.getKey())))
                .toList();
        boolean balanced = mismatchCount == 0 && currencies.stream().allMatch(check -> check.sumOfBalancesMinor() == 0);
        return new LedgerReconciliationView(balanced, currencies, mismatchCount, mismatches);
    }

    private static long moved(List<Posting> postings, LedgerAccountId account, Predicate<Long> side) {
        return postings.stream()
                .flatMap(posting -> posting.lines().stream())
                .filter(line -> line.account().equals(account))
                .mapToLong(line -> line.amount().amountMinor())
                .filter(side::test)
                .reduce(0, Math::addExact);
    }

    private void check(String subject, String rule, String currency, long expected, long actual) {
        if (expected != actual) {
            mismatch(subject, rule, currency, expected, actual);
        }
    }

    private void atMost(String subject, String rule, String currency, long limit, long actual) {
        if (actual > limit) {
            mismatch(subject, rule, currency, limit, actual);
        }
    }

    private void mismatch(String subject, String rule, String currency, long expected, long actual) {
        mismatchCount++;
        if (mismatches.size() < mismatchLimit) {
            mismatches.add(new Mismatch(subject, rule, currency, expected, actual));
        }
    }
}
