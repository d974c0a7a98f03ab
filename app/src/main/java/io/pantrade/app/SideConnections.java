package io.pantrade.app;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;

/** The embedded H2 file's second, small pool: see {@link EmbeddedDatabase#sideConnections}. */
record SideConnections(HikariDataSource pool) implements AutoCloseable {

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
