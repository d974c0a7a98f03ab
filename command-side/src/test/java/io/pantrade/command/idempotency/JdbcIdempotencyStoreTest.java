package io.pantrade.command.idempotency;

import io.pantrade.testing.H2File;
import io.pantrade.command.idempotency.IdempotencyStore.Claim;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded mode's store, on an H2 file database. */
class JdbcIdempotencyStoreTest extends IdempotencyStoreContract {

    @TempDir
    Path directory;

    private JdbcDataSource dataSource;
    private JdbcIdempotencyStore store;

    @BeforeEach
    void open() {
        dataSource = H2File.open(directory.resolve("db"));
        store = new JdbcIdempotencyStore(dataSource);
        store.createSchema();
    }

    @AfterEach
    void close() throws SQLException {
        H2File.shutdown(dataSource);
    }

    @Override
    IdempotencyStore store() {
        return store;
    }

    @Test
    void claims_and_answers_survive_closing_and_reopening_the_database() throws SQLException {
        store.claim(KEY, REQUEST, T0, LEASE);
        store.complete(KEY, CREATED);
        store.claim("still-running", REQUEST, T0, LEASE);
        H2File.shutdown(dataSource);

        dataSource = H2File.open(directory.resolve("db"));
        JdbcIdempotencyStore reopened = new JdbcIdempotencyStore(dataSource);
        reopened.createSchema();
        store = reopened;

        assertAnswered(reopened.claim(KEY, REQUEST, T0.plusSeconds(1), LEASE), CREATED);
        assertThat(reopened.claim(KEY, OTHER_REQUEST, T0.plusSeconds(1), LEASE))
                .isInstanceOf(Claim.UsedForAnotherRequest.class);
        assertThat(reopened.claim("still-running", REQUEST, T0.plusSeconds(1), LEASE))
                .isInstanceOf(Claim.StillRunning.class);
        assertThat(reopened.claim("still-running", REQUEST, T0.plus(LEASE).plusSeconds(1), LEASE))
                .isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void creating_the_schema_again_keeps_the_records() {
        store.claim(KEY, REQUEST, T0, LEASE);
        store.complete(KEY, CREATED);

        store.createSchema();

        assertAnswered(store.claim(KEY, REQUEST, T0.plusSeconds(1), LEASE), CREATED);
    }
}
