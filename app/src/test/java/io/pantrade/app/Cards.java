package io.pantrade.app;

import io.pantrade.command.payment.card.Luhn;

import java.time.Clock;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies for the card API, with numbers made fresh per test so that a search for them means something. */
final class Cards {

    private Cards() {
    }

    /**
     * A Visa-range number with a valid check digit that no other test uses. It ends in 42xx, never
     * like one of the simulated provider's test cards, so a payment with it is approved.
     */
    static String freshNumber() {
        StringBuilder digits = new StringBuilder("4");
        for (int i = 0; i < 11; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        digits.append("42").append(ThreadLocalRandom.current().nextInt(10));
        for (char check = '0'; ; check++) {
            if (Luhn.isValid(digits.toString() + check)) {
                return digits.append(check).toString();
            }
        }
    }

    static String card(String customerId, String number) {
        return card(customerId, "\"" + number + "\"", 12, YearMonth.now(Clock.systemUTC()).getYear() + 3);
    }

    /** @param number as it appears in the JSON, quotes included */
    static String card(String customerId, String number, int expiryMonth, int expiryYear) {
        return """
                {"customerId":"%s","number":%s,"expiryMonth":%d,"expiryYear":%d,"holderName":"Ada Lovelace"}"""
                .formatted(customerId, number, expiryMonth, expiryYear);
    }
}
