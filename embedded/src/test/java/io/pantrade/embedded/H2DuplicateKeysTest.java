package io.pantrade.embedded;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class H2DuplicateKeysTest {

    private final H2DuplicateKeys resolver = new H2DuplicateKeys();

    @Test
    void a_batch_insert_of_a_taken_key_is_a_duplicate_key_and_other_failures_are_not(@TempDir Path directory)
            throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + directory.resolve("keys"));
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entry (id VARCHAR(36), seq BIGINT, PRIMARY KEY (id, seq))");
            statement.execute("INSERT INTO entry VALUES ('a', 0)");

            SQLException taken = catchThrowableOfType(() -> insertBatch(connection, "a", 0), SQLException.class);
            SQLException broken = catchThrowableOfType(() -> statement.execute("INSERT INTO missing VALUES (1)"),
                    SQLException.class);

            assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("append failed", taken))).isTrue();
            assertThat(resolver.isDuplicateKeyViolation(broken)).isFalse();
            assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
        }
    }

    private static void insertBatch(Connection connection, String id, long seq) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entry VALUES (?, ?)")) {
            insert.setString(1, id);
            insert.setLong(2, seq);
            insert.addBatch();
            insert.executeBatch();
        }
    }
}
