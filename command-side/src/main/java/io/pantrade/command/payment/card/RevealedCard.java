package io.pantrade.command.payment.card;

import java.util.Objects;

/**
 * A card with its number in clear, as it is registered and as {@link CardVault#reveal} gives it to
 * the payment provider adapter. Hold it only for the call that needs it: never store it, log it,
 * put it in a message or event, or keep it in a field. {@code holderName} is optional (null).
 * {@link #toString()} shows neither the number nor the name.
 */
public record RevealedCard(CardNumber number, CardExpiry expiry, String holderName) {

    public RevealedCard {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(expiry, "expiry");
    }

    @Override
    public String toString() {
        return "RevealedCard[" + number + ", expires " + expiry + (holderName == null ? "" : ", holder name redacted") + "]";
    }
}
