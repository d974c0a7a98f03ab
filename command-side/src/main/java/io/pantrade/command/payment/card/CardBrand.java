package io.pantrade.command.payment.card;

/**
 * The card network, told from the number's leading digits (the IIN). A small table of the
 * networks we name; every other number is {@link #UNKNOWN} and is still accepted, since the
 * payment provider, not this table, decides what it can charge. The ranges do not overlap.
 */
public enum CardBrand {

    VISA("visa", range(1, 4, 4)),
    MASTERCARD("mastercard", range(2, 51, 55), range(4, 2221, 2720)),
    AMEX("amex", range(2, 34, 34), range(2, 37, 37)),
    DISCOVER("discover", range(4, 6011, 6011), range(3, 644, 649), range(2, 65, 65)),
    JCB("jcb", range(4, 3528, 3589)),
    UNIONPAY("unionpay", range(2, 62, 62)),
    DINERS("diners", range(3, 300, 305), range(2, 36, 36), range(2, 38, 39)),
    UNKNOWN("unknown");

    private final String code;
    private final Range[] ranges;

    CardBrand(String code, Range... ranges) {
        this.code = code;
        this.ranges = ranges;
    }

    /** The name events and the API carry, e.g. {@code visa}. */
    public String code() {
        return code;
    }

    /** @param digits a card number of at least 4 ASCII digits */
    static CardBrand of(String digits) {
        for (CardBrand brand : values()) {
            for (Range range : brand.ranges) {
                if (range.contains(digits)) {
                    return brand;
                }
            }
        }
        return UNKNOWN;
    }

    private static Range range(int prefixLength, int low, int high) {
        return new Range(prefixLength, low, high);
    }

    private record Range(int prefixLength, int low, int high) {

        boolean contains(String digits) {
            int prefix = Integer.parseInt(digits, 0, prefixLength, 10);
            return prefix >= low && prefix <= high;
        }
    }
}
