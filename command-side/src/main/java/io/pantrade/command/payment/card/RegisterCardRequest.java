package io.pantrade.command.payment.card;

import io.pantrade.web.InvalidFieldException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Year;

/**
 * A card as the client sends it. The number is checked by hand rather than by Bean Validation,
 * whose errors carry the rejected value. No CVC field: an unknown field is refused, so a CVC is
 * never even read.
 */
record RegisterCardRequest(
        @NotNull @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String customerId,
        String number,
        @NotNull @Min(value = 1, message = MONTH) @Max(value = 12, message = MONTH) Integer expiryMonth,
        @NotNull @Min(value = CardExpiry.MIN_YEAR, message = YEAR) @Max(value = CardExpiry.MAX_YEAR, message = YEAR)
        Integer expiryYear,
        @Size(max = MAX_HOLDER_NAME) String holderName) {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    static final int MAX_HOLDER_NAME = 100;
    private static final String MONTH = "must be 1 to 12";
    private static final String YEAR = "must be a four-digit year";

    /** @throws InvalidFieldException naming the field, never quoting the number */
    RevealedCard toCard(Clock clock) {
        CardNumber cardNumber;
        try {
            cardNumber = CardNumber.parse(number);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidFieldException("number", invalid.getMessage());
        }
        CardExpiry expiry = new CardExpiry(expiryMonth, expiryYear);
        if (expiry.expiredAt(clock)) {
            boolean pastYear = expiryYear < Year.now(clock).getValue();
            throw new InvalidFieldException(pastYear ? "expiryYear" : "expiryMonth",
                    "the card expired at the end of " + expiry);
        }
        return new RevealedCard(cardNumber, expiry, holderName == null || holderName.isBlank() ? null : holderName.strip());
    }

    @Override
    public String toString() {
        return "RegisterCardRequest[customerId=" + customerId + ", number and holder name redacted]";
    }
}
