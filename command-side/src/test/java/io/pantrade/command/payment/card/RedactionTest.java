package io.pantrade.command.payment.card;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every type that holds a card number prints without it (and without the holder's name). */
class RedactionTest {

    private static final String NUMBER = "4111111111111111";
    private static final String HOLDER = "Ada Lovelace";

    @Test
    void a_revealed_card_prints_brand_last_four_and_expiry_only() {
        RevealedCard card = new RevealedCard(CardNumber.parse(NUMBER), new CardExpiry(5, 2030), HOLDER);

        assertThat(card.toString()).doesNotContain(NUMBER).doesNotContain("411111").doesNotContain(HOLDER)
                .contains("1111").contains("05/2030");
    }

    @Test
    void a_registration_request_prints_neither_number_nor_holder_name() {
        RegisterCardRequest request = new RegisterCardRequest("0b8f4e5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b", NUMBER, 5, 2030, HOLDER);

        assertThat(request.toString()).doesNotContain(NUMBER).doesNotContain(HOLDER).contains("redacted");
    }
}
