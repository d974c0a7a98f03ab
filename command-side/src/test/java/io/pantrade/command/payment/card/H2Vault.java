package io.pantrade.command.payment.card;

import io.pantrade.privacy.JdbcSubjectKeyStore;
import io.pantrade.testing.H2File;
import org.h2.jdbcx.JdbcDataSource;

import java.nio.file.Path;
import java.sql.SQLException;

/** The vault and the subject keys in one H2 file, as the embedded mode keeps them. */
record H2Vault(JdbcDataSource dataSource, JdbcCardVaultStore store, JdbcSubjectKeyStore subjectKeys) {

    static H2Vault open(Path file) {
        JdbcDataSource dataSource = H2File.open(file);
        JdbcCardVaultStore store = new JdbcCardVaultStore(dataSource);
        store.createSchema();
        JdbcSubjectKeyStore subjectKeys = new JdbcSubjectKeyStore(dataSource);
        subjectKeys.createSchema();
        return new H2Vault(dataSource, store, subjectKeys);
    }

    void shutdown() throws SQLException {
        H2File.shutdown(dataSource);
    }
}
