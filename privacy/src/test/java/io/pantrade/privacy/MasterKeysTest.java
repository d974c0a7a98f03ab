package io.pantrade.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static io.pantrade.privacy.CipherFixtures.MASTER_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeysTest {

    @TempDir
    Path directory;

    @Test
    void reads_a_256_bit_key_from_base64() {
        assertThat(MasterKeys.fromBase64(" " + MASTER_KEY + "\n", "the master key").getEncoded())
                .isEqualTo(Base64.getDecoder().decode(MASTER_KEY));
    }

    @Test
    void refuses_a_key_of_another_length_without_quoting_it() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> MasterKeys.fromBase64(shortKey, "the master key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void refuses_text_that_is_not_base64_without_quoting_it() {
        String secret = "s3cr3t-p@ssw0rd-not-base64";

        assertThatThrownBy(() -> MasterKeys.fromBase64(secret, "the master key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64")
                .hasMessageNotContaining(secret)
                .hasNoCause();
        assertThatThrownBy(() -> MasterKeys.fromBase64(" ", "the master key")).hasMessageContaining("missing");
    }

    @Test
    void names_the_key_it_was_asked_for() {
        assertThatThrownBy(() -> MasterKeys.fromBase64("", "the idempotency fingerprint key"))
                .hasMessage("the idempotency fingerprint key is missing");
    }

    @Test
    void creates_an_owner_only_key_file_once_and_reads_it_back() throws IOException {
        Path file = directory.resolve("keys/master.key");

        byte[] first = MasterKeys.loadOrCreate(file, "the master key").getEncoded();
        byte[] second = MasterKeys.loadOrCreate(file, "the master key").getEncoded();

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Files.readString(file)).isEqualTo(Base64.getEncoder().encodeToString(first));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(directory.resolve("keys")).isDirectoryNotContaining(path -> !path.equals(file));
    }

    @Test
    void two_files_hold_different_keys() {
        assertThat(MasterKeys.loadOrCreate(directory.resolve("a.key"), "the master key").getEncoded())
                .isNotEqualTo(MasterKeys.loadOrCreate(directory.resolve("b.key"), "the master key").getEncoded());
    }

    @Test
    void a_damaged_key_file_is_named_but_not_quoted() throws IOException {
        Path file = directory.resolve("master.key");
        Files.writeString(file, "AAAA");

        assertThatThrownBy(() -> MasterKeys.loadOrCreate(file, "the master key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("AAAA");
    }
}
