package io.pantrade.command.signing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The embedded mode's store: a table in the same H2 file as the events. The insert commits before
 * the request's own writes, and H2 writes its log in order, so whatever the request changed that
 * survives a crash has its nonce with it.
 */
public class JdbcNonceStore implements NonceStore {

    private final JdbcTemplate jdbc;

    public JdbcNonceStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void createSchema() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS request_nonce (
                    client_id VARCHAR(64) NOT NULL,
                    nonce VARCHAR(128) NOT NULL,
                    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                    PRIMARY KEY (client_id, nonce))""");
        jdbc.execute("CREATE INDEX IF NOT EXISTS request_nonce_created ON request_nonce(created_at)");
    }

    @Override
    public boolean useOnce(String client, String nonce, Instant usedAt) {
        try {
            jdbc.update("INSERT INTO request_nonce(client_id, nonce, created_at) VALUES (?,?,?)",
                    client, nonce, Timestamp.from(usedAt));
            return true;
        } catch (DuplicateKeyException usedBefore) {
            return false;
        }
    }

    @Override
    public long purgeUsedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM request_nonce WHERE created_at < ?", Timestamp.from(cutoff));
    }
}
