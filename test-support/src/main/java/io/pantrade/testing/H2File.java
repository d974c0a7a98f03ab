package io.pantrade.testing;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** For tests: an H2 file database, the kind the embedded mode persists to, that can be closed and reopened. */
public final class H2File {

    private H2File() {
    }

    /** Kept open between connections (stores take one per call) until {@link #shutdown}. */
    public static JdbcDataSource open(Path file) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** Closes the database, as a stopped process would leave it. */
    public static void shutdown(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
