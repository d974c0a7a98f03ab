package io.pantrade.command.payment.card;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.privacy.SubjectKeyCipher;
import io.pantrade.privacy.SubjectKeyStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.pantrade.command.payment.card.Cards.HOLDER;
import static io.pantrade.command.payment.card.Cards.MAY_2030;
import static io.pantrade.command.payment.card.Cards.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link CardVaultStore} must do, with cards sealed by the real subject key cipher over
 * a key store in the same database; each store's test runs these against it.
 */
abstract class CardVaultStoreContract {

    abstract CardVaultStore store();

    abstract SubjectKeyStore subjectKeys();

    /** Every column or field of the stored entry, as text. */
    abstract String raw(String token);

    PersonalDataCipher cipher() {
        return new SubjectKeyCipher(subjectKeys(), Cards.MASTER_KEY, 10);
    }

    CardVault vault() {
        return new CardVault(store(), cipher(), MAY_2030);
    }

    @Test
    void an_entry_is_found_by_its_token_as_it_was_stored() {
        CustomerId owner = Cards.customer();
        String token = CardTokens.newToken();
        VaultEntry entry = VaultEntry.of(token, SealedCards.seal(cipher(), owner, token, Cards.visa()),
                Instant.parse("2030-05-15T12:00:00.123Z"));

        store().insert(entry);

        assertThat(store().find(token)).contains(entry);
    }

    @Test
    void a_registered_card_is_revealed_as_it_was_registered() {
        CustomerId owner = Cards.customer();
        CardDescription registered = vault().register(owner, Cards.visa());

        assertThat(vault().reveal(registered.token())).isEqualTo(Cards.visa());
        assertThat(store().find(registered.token()).orElseThrow().owner()).isEqualTo(owner);
    }

    @Test
    void an_unknown_token_finds_nothing() {
        assertThat(store().find(CardTokens.newToken())).isEmpty();
    }

    @Test
    void an_entry_is_never_overwritten() {
        String token = vault().register(Cards.customer(), Cards.visa()).token();
        VaultEntry original = store().find(token).orElseThrow();
        VaultEntry other = VaultEntry.of(token, SealedCards.seal(cipher(), Cards.customer(), token,
                Cards.card("5555555555554444", 1, 2032)), Instant.parse("2030-05-16T00:00:00Z"));

        assertThatThrownBy(() -> store().insert(other)).isInstanceOf(RuntimeException.class);

        assertThat(store().find(token)).contains(original);
    }

    @Test
    void what_is_stored_holds_neither_the_number_nor_the_holder_name() {
        String token = vault().register(Cards.customer(), Cards.visa()).token();

        String raw = raw(token);

        assertThat(raw).contains(token).doesNotContain(VISA).doesNotContain(VISA.substring(4, 12)).doesNotContain(HOLDER);
    }
}
