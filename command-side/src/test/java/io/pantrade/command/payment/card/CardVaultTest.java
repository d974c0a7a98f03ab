package io.pantrade.command.payment.card;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.privacy.SubjectErased;
import io.pantrade.kernel.rules.RuleViolatedException;
import io.pantrade.privacy.SubjectKeyCipher;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.SQLException;

import static io.pantrade.command.payment.card.CardExpiryTest.at;
import static io.pantrade.command.payment.card.Cards.MAY_2030;
import static io.pantrade.command.payment.card.Cards.VISA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vault's rules, on the embedded mode's real stores (an H2 file) and the real subject key cipher. */
class CardVaultTest {

    @TempDir
    Path directory;

    private H2Vault h2;
    private JdbcCardVaultStore store;
    private SubjectKeyCipher cipher;
    private CardVault vault;

    @BeforeEach
    void open() {
        h2 = H2Vault.open(directory.resolve("db"));
        store = h2.store();
        cipher = new SubjectKeyCipher(h2.subjectKeys(), Cards.MASTER_KEY, 10);
        vault = new CardVault(store, cipher, MAY_2030);
    }

    @AfterEach
    void close() throws SQLException {
        h2.shutdown();
    }

    @Test
    void registering_gives_a_random_token_and_the_description() {
        CardDescription registered = vault.register(Cards.customer(), Cards.card(VISA, 12, 2031));

        assertThat(registered.token()).matches("card_[A-Za-z0-9_-]{22}");
        assertThat(registered).isEqualTo(new CardDescription(registered.token(), "visa", "1111", 12, 2031));
        assertThat(vault.find(registered.token())).isEqualTo(registered);
    }

    @Test
    void the_same_card_registered_twice_gets_two_unrelated_tokens() {
        CustomerId owner = Cards.customer();

        String first = vault.register(owner, Cards.visa()).token();
        String second = vault.register(owner, Cards.visa()).token();

        assertThat(first).isNotEqualTo(second);
        assertThat(first).doesNotContain("1111");
        assertThat(vault.reveal(first)).isEqualTo(vault.reveal(second));
    }

    @Test
    void describe_gives_the_owner_token_brand_and_last_four() {
        CustomerId owner = Cards.customer();
        String token = vault.register(owner, Cards.card("5555 5555 5555 4444", 5, 2030)).token();

        assertThat(vault.describe(token, owner)).isEqualTo(new CardReference(token, "mastercard", "4444"));
    }

    @Test
    void describe_refuses_a_card_of_another_customer() {
        String token = vault.register(Cards.customer(), Cards.visa()).token();

        assertViolation(() -> vault.describe(token, Cards.customer()), "card.not-owned-by-customer");
    }

    @Test
    void an_unknown_or_malformed_token_is_refused_everywhere() {
        String unknown = CardTokens.newToken();

        assertViolation(() -> vault.describe(unknown, Cards.customer()), "card.unknown-token");
        assertViolation(() -> vault.reveal(unknown), "card.unknown-token");
        assertViolation(() -> vault.find(unknown), "card.unknown-token");
        assertViolation(() -> vault.reveal("card_' OR 1=1 --"), "card.unknown-token");
        assertViolation(() -> vault.reveal(null), "card.unknown-token");
    }

    @Test
    void describe_refuses_a_card_past_its_expiry_month() {
        CustomerId owner = Cards.customer();
        String token = vault.register(owner, Cards.card(VISA, 5, 2030)).token();
        CardVault inJune = new CardVault(store, cipher, at("2030-06-01T00:00:00Z"));

        assertThat(new CardVault(store, cipher, at("2030-05-31T23:59:59Z")).describe(token, owner).token()).isEqualTo(token);
        assertViolation(() -> inJune.describe(token, owner), "card.expired");
        assertThat(inJune.reveal(token).expiry()).isEqualTo(new CardExpiry(5, 2030));
    }

    @Test
    void an_expired_card_is_not_registered() {
        assertViolation(() -> vault.register(Cards.customer(), Cards.card(VISA, 4, 2030)), "card.expired");
        assertThat(new JdbcTemplate(h2.dataSource()).queryForObject("SELECT COUNT(*) FROM card_vault", Long.class)).isZero();
    }

    @Test
    void after_the_owner_is_shredded_the_card_is_erased_for_describe_reveal_and_find() {
        CustomerId owner = Cards.customer();
        CustomerId other = Cards.customer();
        String token = vault.register(owner, Cards.visa()).token();
        String othersToken = vault.register(other, Cards.visa()).token();

        cipher.shred(owner.value());

        assertViolation(() -> vault.describe(token, owner), "card.erased");
        assertViolation(() -> vault.reveal(token), "card.erased");
        assertViolation(() -> vault.find(token), "card.erased");
        assertThat(vault.describe(othersToken, other).last4()).isEqualTo("1111");
    }

    @Test
    void a_restarted_vault_still_sees_the_erasure() {
        CustomerId owner = Cards.customer();
        String token = vault.register(owner, Cards.visa()).token();
        cipher.shred(owner.value());

        CardVault restarted = new CardVault(store, new SubjectKeyCipher(h2.subjectKeys(), Cards.MASTER_KEY, 10), MAY_2030);

        assertViolation(() -> restarted.reveal(token), "card.erased");
    }

    @Test
    void an_erased_customer_cannot_register_a_card() {
        CustomerId owner = Cards.customer();
        cipher.shred(owner.value());

        assertThatThrownBy(() -> vault.register(owner, Cards.visa())).isInstanceOf(SubjectErased.class);
    }

    @Test
    void a_sealed_card_moved_onto_another_entry_of_the_same_owner_does_not_open_there() {
        CustomerId owner = Cards.customer();
        String first = vault.register(owner, Cards.visa()).token();
        String second = vault.register(owner, Cards.card("378282246310005", 1, 2032)).token();
        new JdbcTemplate(h2.dataSource()).update("UPDATE card_vault SET sealed_card = (SELECT sealed_card FROM card_vault "
                + "WHERE token = ?) WHERE token = ?", first, second);

        assertThatThrownBy(() -> vault.reveal(second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed card of another entry")
                .hasMessageNotContaining(VISA);
    }

    @Test
    void violations_name_no_card_number() {
        CustomerId owner = Cards.customer();
        String token = vault.register(owner, Cards.card(VISA, 5, 2030)).token();

        assertThatThrownBy(() -> new CardVault(store, cipher, at("2031-01-01T00:00:00Z")).describe(token, owner))
                .hasMessageNotContaining(VISA)
                .hasMessageContaining("05/2030");
    }

    private static void assertViolation(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(RuleViolatedException.class,
                        violated -> assertThat(violated.violation().code()).isEqualTo(code));
    }
}
