package io.pantrade.command.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The embedded mode's store: a table in the same H2 file as the events. */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final JdbcTemplate jdbc;

    public JdbcIdempotencyStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void createSchema() {
        jdbc.execute("""
                CREATE TABLE IF NOT EXISTS idempotency_record (
                    idem_key VARCHAR(255) PRIMARY KEY,
                    fingerprint CHAR(64) NOT NULL,
                    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
                    response_status INT,
                    content_type VARCHAR(255),
                    location VARCHAR(2048),
                    body VARBINARY)""");
        jdbc.execute("CREATE INDEX IF NOT EXISTS idempotency_record_created ON idempotency_record(created_at)");
    }

    @Override
    public Claim claim(String key, String fingerprint, Instant now, Duration lease) {
        try {
            jdbc.update("INSERT INTO idempotency_record(idem_key, fingerprint, created_at, claimed_at) VALUES (?,?,?,?)",
                    key, fingerprint, Timestamp.from(now), Timestamp.from(now));
            return new Claim.Acquired();
        } catch (DuplicateKeyException taken) {
            return existingClaim(key, fingerprint, now, lease);
        }
    }

    private Claim existingClaim(String key, String fingerprint, Instant now, Duration lease) {
        List<ExistingClaim> rows = jdbc.query("""
                        SELECT fingerprint, claimed_at, response_status, content_type, location, body
                        FROM idempotency_record WHERE idem_key = ?""",
                (rs, i) -> new ExistingClaim(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getObject(3) == null ? null
                                : new StoredResponse(rs.getInt(3), rs.getString(4), rs.getString(5), rs.getBytes(6))),
                key);
        if (rows.isEmpty()) {
            // released between our insert and our read: the client's next retry will claim it
            return new Claim.StillRunning();
        }
        ExistingClaim existing = rows.get(0);
        return existing.decide(fingerprint, now, lease, () -> jdbc.update("""
                        UPDATE idempotency_record SET claimed_at = ?
                        WHERE idem_key = ? AND claimed_at = ? AND response_status IS NULL""",
                Timestamp.from(now), key, Timestamp.from(existing.claimedAt())) == 1);
    }

    @Override
    public void complete(String key, StoredResponse response) {
        jdbc.update("UPDATE idempotency_record SET response_status = ?, content_type = ?, location = ?, body = ? WHERE idem_key = ?",
                response.status(), response.contentType(), response.location(), response.body(), key);
    }

    @Override
    public void release(String key) {
        jdbc.update("DELETE FROM idempotency_record WHERE idem_key = ? AND response_status IS NULL", key);
    }

    @Override
    public long purgeCreatedBefore(Instant cutoff) {
        return jdbc.update("DELETE FROM idempotency_record WHERE created_at < ?", Timestamp.from(cutoff));
    }
}
