package io.pantrade.command.payment.card;

import io.pantrade.kernel.customer.CustomerId;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** The embedded mode's vault: table {@code card_vault} in the same H2 file as the events. */
public class JdbcCardVaultStore implements CardVaultStore {

    private final JdbcTemplate jdbc;

    public JdbcCardVaultStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void createSchema() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS card_vault (
                    token       VARCHAR(64) PRIMARY KEY,
                    customer_id VARCHAR(36) NOT NULL,
                    sealed_card VARCHAR(4096) NOT NULL,
                    created_at  TIMESTAMP WITH TIME ZONE NOT NULL)""");
    }

    @Override
    public void insert(VaultEntry entry) {
        jdbc.update("INSERT INTO card_vault (token, customer_id, sealed_card, created_at) VALUES (?, ?, ?, ?)",
                entry.token(), entry.owner().value(), entry.ciphertext(), entry.createdAt().atOffset(ZoneOffset.UTC));
    }

    @Override
    public Optional<VaultEntry> find(String token) {
        return jdbc.query("SELECT customer_id, sealed_card, created_at FROM card_vault WHERE token = ?",
                (row, i) -> new VaultEntry(token, new CustomerId(row.getString(1)), row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant()),
                token).stream().findFirst();
    }
}
