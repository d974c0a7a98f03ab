package io.pantrade.command.payment.card;

/** The Luhn (mod 10) check digit that every payment card number ends with. */
public final class Luhn {

    private Luhn() {
    }

    /** @param digits ASCII digits only; anything else makes it invalid */
    public static boolean isValid(CharSequence digits) {
        if (digits.length() == 0) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
