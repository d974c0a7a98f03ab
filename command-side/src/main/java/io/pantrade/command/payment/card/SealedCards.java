package io.pantrade.command.payment.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.kernel.privacy.SealedText;

import java.util.Optional;

/**
 * A vault entry's card as it is stored: number, expiry and holder name as JSON, sealed under the
 * owner's subject key, so that erasing the owner makes the card unreadable. The token is sealed
 * with it: a ciphertext copied onto another entry of the same owner does not open there.
 * Public so that the benchmark can measure what registering and revealing a card cost.
 */
public final class SealedCards {

    /** Its own mapper: the sealed format must not change with the web API's JSON settings. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SealedCards() {
    }

    public static SealedText seal(PersonalDataCipher cipher, CustomerId owner, String token, RevealedCard card) {
        Plaintext plaintext = new Plaintext(token, card.number().digits(), card.expiry().month(), card.expiry().year(),
                card.holderName());
        try {
            return cipher.seal(owner.value(), JSON.writeValueAsString(plaintext));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a card record always serialises");
        }
    }

    /** @return the card, or empty if its owner was erased */
    public static Optional<RevealedCard> open(PersonalDataCipher cipher, SealedText sealed, String token) {
        return cipher.open(sealed).map(json -> read(json, token));
    }

    private static RevealedCard read(String json, String token) {
        Plaintext plaintext;
        try {
            plaintext = JSON.readValue(json, Plaintext.class);
        } catch (JsonProcessingException malformed) {
            // not chained: Jackson's message may quote the clear text
            throw new IllegalStateException("the sealed card of " + token + " is not a card record");
        }
        if (!token.equals(plaintext.token())) {
            throw new IllegalStateException("the entry " + token + " holds the sealed card of another entry");
        }
        return new RevealedCard(CardNumber.parse(plaintext.number()),
                new CardExpiry(plaintext.expiryMonth(), plaintext.expiryYear()), plaintext.holderName());
    }

    private record Plaintext(String token, String number, int expiryMonth, int expiryYear, String holderName) {

        @Override
        public String toString() {
            return "Plaintext[" + token + ", redacted]";
        }
    }
}
