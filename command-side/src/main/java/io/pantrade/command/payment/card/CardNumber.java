package io.pantrade.command.payment.card;

/**
 * A primary account number that passed the edge's checks. Clients may group the digits with
 * spaces or dashes, as printed on cards; they are stripped, and nothing else but ASCII digits is
 * accepted. Then 12 to 19 digits and a valid Luhn check digit. Neither {@link #toString()} nor
 * any error message ever shows the number: only its brand and last four digits.
 */
public final class CardNumber {

    public static final int MIN_DIGITS = 12;
    public static final int MAX_DIGITS = 19;

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /**
     * @throws IllegalArgumentException with a message that is safe to show the client and to log:
     *                                  it never contains the input
     */
    public static CardNumber parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("is required");
        }
        StringBuilder digits = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                throw new IllegalArgumentException("must contain only digits, optionally grouped with spaces or dashes");
            }
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("must have " + MIN_DIGITS + " to " + MAX_DIGITS + " digits");
        }
        if (!Luhn.isValid(digits)) {
            throw new IllegalArgumentException("is not a valid card number: its check digit does not match");
        }
        return new CardNumber(digits.toString());
    }

    /** The number in clear: for sealing it and for the payment provider call, nothing else. */
    public String digits() {
        return digits;
    }

    public String last4() {
        return digits.substring(digits.length() - 4);
    }

    public CardBrand brand() {
        return CardBrand.of(digits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber number && number.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "CardNumber[" + brand().code() + " ending " + last4() + "]";
    }
}
