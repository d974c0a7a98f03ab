package io.pantrade.command.payment.card;

import io.pantrade.kernel.customer.CustomerId;

import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Fixtures of the vault's tests. */
final class Cards {

    static final String VISA = "4111111111111111";
    static final String HOLDER = "Ada Lovelace";
    static final Clock MAY_2030 = Clock.fixed(Instant.parse("2030-05-15T12:00:00Z"), ZoneOffset.UTC);
    static final SecretKeySpec MASTER_KEY = new SecretKeySpec(new byte[32], "AES");

    private Cards() {
    }

    static RevealedCard card(String number, int month, int year) {
        return new RevealedCard(CardNumber.parse(number), new CardExpiry(month, year), HOLDER);
    }

    static RevealedCard visa() {
        return card(VISA, 12, 2031);
    }

    static CustomerId customer() {
        return new CustomerId(UUID.randomUUID().toString());
    }
}
