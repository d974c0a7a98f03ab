package io.pantrade.kernel;

import java.util.Currency;
import java.util.Objects;

/**
 * An amount in the minor unit of an ISO 4217 currency (cents for EUR, yen for JPY). Arithmetic is
 * exact: an overflow throws instead of wrapping round, because a wrapped total is a wrong bill.
 */
public record Money(long amountMinor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!isIsoCurrency(currency)) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
        }
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public static boolean isIsoCurrency(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException notIso) {
            return false;
        }
    }

    /** @throws ArithmeticException if the sum does not fit in a long */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    /** @throws ArithmeticException if the difference does not fit in a long */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    /** @throws ArithmeticException if the product does not fit in a long */
    public Money times(long factor) {
        return new Money(Math.multiplyExact(amountMinor, factor), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }
}
