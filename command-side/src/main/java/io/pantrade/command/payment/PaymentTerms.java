package io.pantrade.command.payment;

import io.pantrade.kernel.Money;

import java.math.RoundingMode;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The configurable terms every payment runs under: how long an authorization holds the money, the
 * largest amount one payment may be, and the fee kept from each capture (a percentage in basis
 * points plus a fixed part, never more than the capture itself).
 */
public record PaymentTerms(Duration holdPeriod, long maxAmountMinor, int feeBasisPoints, long feeFixedMinor) {

    public static final int MAX_REASON_LENGTH = 500;

    public PaymentTerms {
        if (holdPeriod.isNegative() || holdPeriod.isZero()) {
            throw new IllegalArgumentException("the hold period must be positive");
        }
        if (maxAmountMinor <= 0) {
            throw new IllegalArgumentException("the maximum payment amount must be positive");
        }
        if (feeBasisPoints < 0 || feeBasisPoints > 10_000 || feeFixedMinor < 0) {
            throw new IllegalArgumentException("the fee is 0 to 10,000 basis points plus a fixed part of at least 0");
        }
    }

    /** Rounded half up to the minor unit, at most the captured amount. */
    Money feeFor(Money captured) {
        long percentage = BigDecimal.valueOf(captured.amountMinor())
                .multiply(BigDecimal.valueOf(feeBasisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
                .longValueExact();
        long fee = Math.min(captured.amountMinor(), Math.addExact(percentage, feeFixedMinor));
        return new Money(fee, captured.currency());
    }
}
