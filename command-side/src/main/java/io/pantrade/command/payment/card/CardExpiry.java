package io.pantrade.command.payment.card;

import java.time.Clock;
import java.time.YearMonth;

/**
 * The month and four-digit year printed on a card. A card is valid through the last day of that
 * month, in the zone of the clock it is checked against (the engine's clock is UTC).
 */
public record CardExpiry(int month, int year) {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 9999;

    public CardExpiry {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("expiry month must be 1 to 12");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("expiry year must be a four-digit year");
        }
    }

    public boolean expiredAt(Clock clock) {
        return YearMonth.of(year, month).isBefore(YearMonth.now(clock));
    }

    @Override
    public String toString() {
        return String.format("%02d/%d", month, year);
    }
}
