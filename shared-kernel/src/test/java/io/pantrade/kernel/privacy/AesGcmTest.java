package io.pantrade.kernel.privacy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.Base64;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmTest {

    private static final String ALICE = "3f2c1a4e-5b6d-4c7e-8f90-a1b2c3d4e5f6";
    private static final String BOB = "9e8d7c6b-5a49-4837-a625-140312f1e0d9";
    private static final String ADDRESS = "Grüne Gasse 7, 1010 Wien ☎ +43 1 234 — 東京 🚚";

    private final SecretKey key = randomKey();

    @Test
    void opens_what_it_sealed_including_unicode() {
        SealedText sealed = AesGcm.seal(key, ALICE, ADDRESS);

        assertThat(sealed.subjectId()).isEqualTo(ALICE);
        assertThat(AesGcm.open(key, sealed)).isEqualTo(ADDRESS);
    }

    @Property(tries = 200)
    void opens_any_text_it_sealed(@ForAll String plaintext) {
        assertThat(AesGcm.open(key, AesGcm.seal(key, ALICE, plaintext))).isEqualTo(plaintext);
    }

    @Test
    void the_ciphertext_holds_a_version_byte_an_iv_and_a_tag_but_no_plaintext() {
        SealedText sealed = AesGcm.seal(key, ALICE, ADDRESS);
        byte[] framed = Base64.getDecoder().decode(sealed.ciphertext());

        assertThat(framed[0]).isEqualTo((byte) 1);
        assertThat(framed).hasSize(1 + 12 + ADDRESS.getBytes(UTF_8).length + 16);
        assertThat(new String(framed, ISO_8859_1)).doesNotContain("Gasse");
    }

    @Test
    void the_same_text_sealed_twice_gives_different_ciphertexts() {
        SealedText first = AesGcm.seal(key, ALICE, ADDRESS);
        SealedText second = AesGcm.seal(key, ALICE, ADDRESS);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(AesGcm.open(key, second)).isEqualTo(ADDRESS);
    }

    @Test
    void an_altered_ciphertext_is_unreadable_and_the_error_reveals_nothing() {
        SealedText sealed = AesGcm.seal(key, ALICE, ADDRESS);
        for (int position : new int[]{1, 13, 20, lengthOf(sealed) - 1}) {
            SealedText altered = flipByte(sealed, position);

            assertThatThrownBy(() -> AesGcm.open(key, altered))
                    .isInstanceOf(SealedTextUnreadable.class)
                    .hasMessageContaining("fails authentication")
                    .hasMessageNotContaining("Gasse");
        }
    }

    @Test
    void a_ciphertext_relabelled_with_another_subject_is_unreadable() {
        SealedText sealed = AesGcm.seal(key, ALICE, ADDRESS);

        assertThatThrownBy(() -> AesGcm.open(key, new SealedText(BOB, sealed.ciphertext())))
                .isInstanceOf(SealedTextUnreadable.class)
                .hasMessageContaining(BOB);
    }

    @Test
    void another_key_cannot_open() {
        SealedText sealed = AesGcm.seal(key, ALICE, ADDRESS);

        assertThatThrownBy(() -> AesGcm.open(randomKey(), sealed)).isInstanceOf(SealedTextUnreadable.class);
    }

    @Test
    void malformed_ciphertexts_are_unreadable() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[]{1, 2, 3});
        String unknownVersion = flipByte(AesGcm.seal(key, ALICE, ADDRESS), 0).ciphertext();

        assertThatThrownBy(() -> AesGcm.open(key, new SealedText(ALICE, "not*base64!")))
                .isInstanceOf(SealedTextUnreadable.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> AesGcm.open(key, new SealedText(ALICE, tooShort)))
                .isInstanceOf(SealedTextUnreadable.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> AesGcm.open(key, new SealedText(ALICE, unknownVersion)))
                .isInstanceOf(SealedTextUnreadable.class).hasMessageContaining("version");
    }

    private static int lengthOf(SealedText sealed) {
        return Base64.getDecoder().decode(sealed.ciphertext()).length;
    }

    private static SealedText flipByte(SealedText sealed, int position) {
        byte[] framed = Base64.getDecoder().decode(sealed.ciphertext());
        framed[position] ^= 0x01;
        return new SealedText(sealed.subjectId(), Base64.getEncoder().encodeToString(framed));
    }

    private static SecretKey randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }
}
