package io.pantrade.privacy;

import io.pantrade.testing.H2File;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.kernel.privacy.SubjectErased;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcSubjectKeyStoreTest extends SubjectKeyStoreContract {

    @TempDir
    Path directory;

    private JdbcDataSource dataSource;
    private JdbcSubjectKeyStore store;

    @BeforeEach
    void open() {
        dataSource = H2File.open(directory.resolve("keys"));
        store = new JdbcSubjectKeyStore(dataSource);
        store.createSchema();
    }

    @AfterEach
    void close() throws SQLException {
        H2File.shutdown(dataSource);
    }

    @Override
    SubjectKeyStore store() {
        return store;
    }

    @Test
    void creating_the_schema_again_keeps_the_keys() {
        store.insertIfAbsent(ALICE, bytes(1));

        store.createSchema();

        assertThat(store.find(ALICE).orElseThrow().wrappedKey()).isEqualTo(bytes(1));
    }

    @Test
    void keys_and_erasures_survive_closing_and_reopening_the_database() throws SQLException {
        SecretKey masterKey = MasterKeys.fromBase64(CipherFixtures.MASTER_KEY, "the master key");
        SubjectKeyCipher before = new SubjectKeyCipher(store, masterKey, 10);
        SealedText alice = before.seal(ALICE, "Alice, 1 Main St");
        SealedText bob = before.seal(BOB, "Bob, 2 Side St");
        before.shred(BOB);
        H2File.shutdown(dataSource);

        dataSource = H2File.open(directory.resolve("keys"));
        JdbcSubjectKeyStore reopened = new JdbcSubjectKeyStore(dataSource);
        reopened.createSchema();
        SubjectKeyCipher after = new SubjectKeyCipher(reopened, masterKey, 10);

        assertThat(after.open(alice)).contains("Alice, 1 Main St");
        assertThat(after.open(bob)).isEmpty();
        assertThatThrownBy(() -> after.seal(BOB, "Bob again")).isInstanceOf(SubjectErased.class);
    }
}
