package io.pantrade.command.signing;

import io.pantrade.testing.H2File;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded mode's store, on an H2 file database. */
class JdbcNonceStoreTest extends NonceStoreContract {

    @TempDir
    Path directory;

    private JdbcDataSource dataSource;
    private JdbcNonceStore store;

    @BeforeEach
    void open() {
        dataSource = H2File.open(directory.resolve("db"));
        store = new JdbcNonceStore(dataSource);
        store.createSchema();
    }

    @AfterEach
    void close() throws SQLException {
        H2File.shutdown(dataSource);
    }

    @Override
    NonceStore store() {
        return store;
    }

    @Test
    void a_nonce_used_before_a_restart_is_still_used_after_it() throws SQLException {
        store.useOnce("shop-web", NONCE, T0);
        H2File.shutdown(dataSource);

        dataSource = H2File.open(directory.resolve("db"));
        store = new JdbcNonceStore(dataSource);
        store.createSchema();

        assertThat(store.useOnce("shop-web", NONCE, T0.plusSeconds(1))).isFalse();
        assertThat(store.useOnce("shop-web", NONCE + "2", T0.plusSeconds(1))).isTrue();
    }

    @Test
    void creating_the_schema_again_keeps_the_nonces() {
        store.useOnce("shop-web", NONCE, T0);

        store.createSchema();

        assertThat(store.useOnce("shop-web", NONCE, T0.plusSeconds(1))).isFalse();
    }
}
