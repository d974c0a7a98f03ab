package io.pantrade.command.payment.card;

/** What the API shows of a stored card: never the number. */
public record CardDescription(String token, String brand, String last4, int expiryMonth, int expiryYear) {

    static CardDescription of(String token, RevealedCard card) {
        return new CardDescription(token, card.number().brand().code(), card.number().last4(),
                card.expiry().month(), card.expiry().year());
    }
}
