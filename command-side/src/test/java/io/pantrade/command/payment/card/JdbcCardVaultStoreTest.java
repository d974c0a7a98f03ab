package io.pantrade.command.payment.card;

import io.pantrade.privacy.SubjectKeyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded mode's vault, on an H2 file database. */
class JdbcCardVaultStoreTest extends CardVaultStoreContract {

    @TempDir
    Path directory;

    private H2Vault h2;

    @BeforeEach
    void open() {
        h2 = H2Vault.open(directory.resolve("db"));
    }

    @AfterEach
    void close() throws SQLException {
        h2.shutdown();
    }

    @Override
    CardVaultStore store() {
        return h2.store();
    }

    @Override
    SubjectKeyStore subjectKeys() {
        return h2.subjectKeys();
    }

    @Override
    String raw(String token) {
        return new JdbcTemplate(h2.dataSource()).queryForList("SELECT * FROM card_vault WHERE token = ?", token).stream()
                .flatMap(row -> row.values().stream())
                .map(String::valueOf)
                .collect(Collectors.joining(" | "));
    }

    @Test
    void cards_survive_closing_and_reopening_the_database() throws SQLException {
        RevealedCard card = Cards.card("378282246310005", 3, 2033);
        String token = vault().register(Cards.customer(), card).token();
        h2.shutdown();

        open();
        CardVault reopened = vault();

        assertThat(reopened.reveal(token)).isEqualTo(card);
        assertThat(reopened.find(token)).isEqualTo(new CardDescription(token, "amex", "0005", 3, 2033));
    }

    @Test
    void creating_the_schema_again_keeps_the_cards() {
        String token = vault().register(Cards.customer(), Cards.visa()).token();

        h2.store().createSchema();

        assertThat(vault().reveal(token)).isEqualTo(Cards.visa());
    }
}
