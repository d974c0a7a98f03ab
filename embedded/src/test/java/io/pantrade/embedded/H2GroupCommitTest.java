package io.pantrade.embedded;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2GroupCommitTest {

    @TempDir
    Path dir;

    JdbcDataSource dataSource;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        // a write delay long enough that H2 never writes on its own during the test; whether a release
        // really means "in the file" is proven against a killed process in KillDashNineTest
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=60000");
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE t(id INT PRIMARY KEY)");
        }
    }

    @Test
    void every_concurrent_caller_is_released_and_nothing_is_lost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (H2GroupCommit groupCommit = H2GroupCommit.start(dataSource, false)) {
            List<Future<?>> callers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int id = i;
                callers.add(pool.submit(() -> {
                    insert(id);
                    groupCommit.awaitDurable();
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count()).isEqualTo(400);
    }

    @Test
    void a_closed_group_commit_refuses_to_confirm_durability() {
        H2GroupCommit groupCommit = H2GroupCommit.start(dataSource, true);
        groupCommit.close();

        assertThatThrownBy(groupCommit::awaitDurable)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closing");
    }

    private void insert(int id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
            insert.setInt(1, id);
            insert.executeUpdate();
        }
    }

    private long count() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
