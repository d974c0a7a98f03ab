package io.pantrade.kernel.payment;

import io.pantrade.kernel.Money;

import java.math.BigInteger;

/**
 * How much of the fees kept on captures goes back with a refund. One rule for the Payment aggregate
 * (which puts the result in {@link PaymentRefunded#feeReturned()}) and for the tests that replay
 * its arithmetic: after every refund the fees returned in all are
 * {@code floor(fees × refunded / captured)}, so a full refund returns every fee, and the merchant is
 * never asked to pay back more than it was paid ({@code refunded − feesReturned ≤ captured − fees}).
 */
public final class Fees {

    private Fees() {
    }

    /**
     * @param refund              the amount being refunded now
     * @param captured            all captured so far on the payment
     * @param fees                all fees kept on those captures
     * @param refundedBefore      all refunded before this refund
     * @param feesReturnedBefore  all fees returned with those refunds
     * @return the fee share to return with {@code refund}; never negative: a later capture with a
     * lower fee rate can put the pro-rata total below what was already returned, and fees already
     * returned are not taken back
     * @throws IllegalArgumentException if the amounts could not come from a valid payment (mixed
     *                                  currencies, negative amounts, refunds above captures, fees above captures)
     */
    public static Money returnedWith(Money refund, Money captured, Money fees, Money refundedBefore,
                                     Money feesReturnedBefore) {
        String currency = refund.currency();
        for (Money amount : new Money[] {captured, fees, refundedBefore, feesReturnedBefore}) {
            if (!amount.currency().equals(currency)) {
                throw new IllegalArgumentException("cannot combine " + currency + " with " + amount.currency());
            }
        }
        long refunded = Math.addExact(refundedBefore.amountMinor(), refund.amountMinor());
        if (refund.amountMinor() < 0 || refundedBefore.amountMinor() < 0 || feesReturnedBefore.amountMinor() < 0
                || fees.amountMinor() < 0) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
        if (refunded > captured.amountMinor() || fees.amountMinor() > captured.amountMinor()
                || feesReturnedBefore.amountMinor() > fees.amountMinor()) {
            throw new IllegalArgumentException("refunds and fees cannot exceed what was captured");
        }
        if (refunded == 0) {
            return Money.zero(currency);
        }
        long dueInAll = BigInteger.valueOf(fees.amountMinor())
                .multiply(BigInteger.valueOf(refunded))
                .divide(BigInteger.valueOf(captured.amountMinor()))
                .longValueExact();
        return new Money(Math.max(0, dueInAll - feesReturnedBefore.amountMinor()), currency);
    }
}
