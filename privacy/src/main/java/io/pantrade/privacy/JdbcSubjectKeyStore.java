package io.pantrade.privacy;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Subject keys in table {@code subject_key}, through plain JDBC. Each call is its own auto-commit
 * transaction, so a key is stored for good before anything is sealed with it.
 */
public final class JdbcSubjectKeyStore extends RowPerSubjectKeyStore {

    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;

    public JdbcSubjectKeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void createSchema() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS subject_key (
                        subject_id  VARCHAR(255) PRIMARY KEY,
                        wrapped_key VARBINARY(64),
                        created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
                        erased_at   TIMESTAMP WITH TIME ZONE
                    )""");
        } catch (SQLException e) {
            throw failed("create table subject_key", e);
        }
    }

    @Override
    public Optional<SubjectKey> find(String subjectId) {
        String sql = "SELECT wrapped_key, created_at, erased_at FROM subject_key WHERE subject_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, subjectId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(toSubjectKey(subjectId, row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("find the key of subject " + subjectId, e);
        }
    }

    @Override
    boolean eraseLiveKey(String subjectId, Instant erasedAt) {
        String sql = "UPDATE subject_key SET wrapped_key = NULL, erased_at = ? WHERE subject_id = ? AND erased_at IS NULL";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, utc(erasedAt));
            update.setString(2, subjectId);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("erase the key of subject " + subjectId, e);
        }
    }

    @Override
    boolean insert(SubjectKey key) {
        String sql = "INSERT INTO subject_key (subject_id, wrapped_key, created_at, erased_at) VALUES (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, key.subjectId());
            insert.setBytes(2, key.wrappedKey());
            insert.setObject(3, utc(key.createdAt()));
            insert.setObject(4, key.erased() ? utc(key.erasedAt()) : null);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e instanceof SQLIntegrityConstraintViolationException || DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw failed("store the key of subject " + key.subjectId(), e);
        }
    }

    private static SubjectKey toSubjectKey(String subjectId, ResultSet row) throws SQLException {
        Instant createdAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
        OffsetDateTime erasedAt = row.getObject("erased_at", OffsetDateTime.class);
        return erasedAt == null
                ? SubjectKey.live(subjectId, row.getBytes("wrapped_key"), createdAt)
                : SubjectKey.tombstone(subjectId, createdAt, erasedAt.toInstant());
    }


    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("subject key store could not " + what + " (SQLState " + e.getSQLState() + ")", e);
    }
}
