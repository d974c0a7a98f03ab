package io.pantrade.kernel.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Sign on the client's side, verify on the engine's, for both accepted algorithms. */
class RequestSignatureTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final long NOW = CLOCK.instant().getEpochSecond();
    private static final String PATH = "/api/payments/7c9e6679-7425-40de-944b-e07fc1f90ae7/capture";
    private static final String REFUND = "/api/payments/7c9e6679-7425-40de-944b-e07fc1f90ae7/refund";
    private static final String NONCE = "Zm9vYmFyYmF6cXV4cXV1eDEy";
    private static final byte[] BODY = "{\"amountMinor\":1250,\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8);

    /** openssl ecparam -name secp256k1 -genkey -noout | openssl ec -pubout */
    private static final String SECP256K1_SPKI = """
            MFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAEwnL5N2Y+2Hs4XxU6vchqoXqhq7XGgRWd
            li1qO6B8SNzCtIrXxGD0Xkd9cK5DlUMdLMjbL/kkEfQqOjqFVjfq+Q==""";

    static Stream<Arguments> algorithms() {
        return Stream.of(Arguments.of("Ed25519", ClientKeys.newEd25519()),
                Arguments.of("ECDSA P-256", ClientKeys.newP256()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void a_signed_request_verifies_against_the_registered_public_key(String algorithm, KeyPair pair) {
        SignatureHeaders headers = signer(pair).sign("POST", PATH, BODY, NOW, NONCE);
        RequestVerifier verifier = RequestVerifier.fromBase64Spki(ClientKeys.base64Spki(pair.getPublic()));

        assertThat(verifier.algorithm()).isEqualTo(algorithm);
        assertThat(headers.client()).isEqualTo("shop-web");
        assertThat(verifier.verify(CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY), headers.signature())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void changing_any_signed_element_invalidates_the_signature(String algorithm, KeyPair pair) {
        String signature = signer(pair).sign("POST", PATH, BODY, NOW, NONCE).signature();
        RequestVerifier verifier = RequestVerifier.of(pair.getPublic());
        byte[] otherBody = BODY.clone();
        otherBody[otherBody.length - 3] ^= 0x01;

        assertThat(verifier.verify(CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY), signature)).as("as signed").isTrue();
        assertThat(verifier.verify(CanonicalRequest.of("PUT", PATH, NOW, NONCE, BODY), signature)).as("method").isFalse();
        assertThat(verifier.verify(CanonicalRequest.of("POST", REFUND, NOW, NONCE, BODY), signature)).as("path").isFalse();
        assertThat(verifier.verify(CanonicalRequest.of("POST", PATH + "?x=1", NOW, NONCE, BODY), signature)).as("query").isFalse();
        assertThat(verifier.verify(CanonicalRequest.of("POST", PATH, NOW + 1, NONCE, BODY), signature)).as("time").isFalse();
        assertThat(verifier.verify(CanonicalRequest.of("POST", PATH, NOW, NONCE + "A", BODY), signature)).as("nonce").isFalse();
        assertThat(verifier.verify(CanonicalRequest.of("POST", PATH, NOW, NONCE, otherBody), signature)).as("body").isFalse();
        assertThat(verifier.verify(CanonicalRequest.of("POST", PATH, NOW, NONCE, null), signature)).as("no body").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void a_signature_with_any_byte_altered_is_invalid(String algorithm, KeyPair pair) {
        byte[] canonical = CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY);
        byte[] signature = Base64.getDecoder().decode(signer(pair).sign("POST", PATH, BODY, NOW, NONCE).signature());
        RequestVerifier verifier = RequestVerifier.of(pair.getPublic());

        for (int position = 0; position < signature.length; position++) {
            byte[] altered = signature.clone();
            altered[position] ^= 0x01;
            assertThat(verifier.verify(canonical, Base64.getEncoder().encodeToString(altered)))
                    .as("byte %d", position).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void another_clients_key_does_not_verify(String algorithm, KeyPair pair) {
        KeyPair other = algorithm.equals("Ed25519") ? ClientKeys.newEd25519() : ClientKeys.newP256();
        String signature = signer(other).sign("POST", PATH, BODY, NOW, NONCE).signature();

        assertThat(RequestVerifier.of(pair.getPublic()).verify(CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY), signature))
                .isFalse();
    }

    @Test
    void a_p256_signature_in_the_64_byte_ieee_p1363_form_of_webcrypto_verifies_too() throws Exception {
        KeyPair pair = ClientKeys.newP256();
        byte[] canonical = CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY);
        byte[] p1363 = webCrypto(pair, canonical);
        RequestVerifier verifier = RequestVerifier.fromBase64Spki(ClientKeys.base64Spki(pair.getPublic()));

        assertThat(p1363).hasSize(64);
        assertThat(verifier.verify(canonical, Base64.getEncoder().encodeToString(p1363))).isTrue();
        p1363[10] ^= 0x01;
        assertThat(verifier.verify(canonical, Base64.getEncoder().encodeToString(p1363))).isFalse();
        assertThat(verifier.verify(CanonicalRequest.of("POST", PATH, NOW + 1, NONCE, BODY),
                Base64.getEncoder().encodeToString(webCrypto(pair, canonical)))).as("another timestamp").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void malformed_signatures_are_just_invalid(String algorithm, KeyPair pair) {
        RequestVerifier verifier = RequestVerifier.of(pair.getPublic());
        byte[] canonical = CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY);
        String valid = signer(pair).sign("POST", PATH, BODY, NOW, NONCE).signature();
        byte[] validBytes = Base64.getDecoder().decode(valid);

        assertThat(verifier.verify(canonical, "not base64 at all!")).isFalse();
        assertThat(verifier.verify(canonical, "QUJD=")).isFalse();
        assertThat(verifier.verify(canonical, "")).isFalse();
        assertThat(verifier.verify(canonical, null)).isFalse();
        assertThat(verifier.verify(canonical, Base64.getEncoder().encodeToString(new byte[64]))).isFalse();
        assertThat(verifier.verify(canonical, Base64.getEncoder().encodeToString(new byte[3]))).isFalse();
        assertThat(verifier.verify(canonical, Base64.getEncoder().encodeToString(
                Arrays.copyOf(validBytes, validBytes.length - 1)))).isFalse();
        assertThat(verifier.verify(canonical, valid + "AAAA")).isFalse();
        assertThat(verifier.verify(canonical, valid)).isTrue();
    }

    @Test
    void keys_on_other_curves_and_of_other_algorithms_are_refused_when_registered() {
        assertThatThrownBy(() -> RequestVerifier.fromBase64Spki(ClientKeys.base64Spki(Keys.ec("secp384r1").getPublic())))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining("P-256");
        assertThatThrownBy(() -> RequestVerifier.fromBase64Spki(ClientKeys.base64Spki(Keys.ec("secp521r1").getPublic())))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining("P-256");
        // the same field size as P-256: only the curve itself tells them apart
        assertThatThrownBy(() -> RequestVerifier.fromBase64Spki(SECP256K1_SPKI))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining("256-bit curve that is not P-256");
        assertThatThrownBy(() -> RequestVerifier.fromBase64Spki(ClientKeys.base64Spki(Keys.of("RSA").getPublic())))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageStartingWith("RSA keys are not accepted");
        assertThatThrownBy(() -> RequestVerifier.fromBase64Spki(ClientKeys.base64Spki(Keys.of("Ed448").getPublic())))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageStartingWith("Ed448 keys are not accepted");
    }

    @Test
    void a_registered_key_that_is_not_base64_or_not_a_public_key_is_refused_without_being_quoted() {
        String privateKeyByMistake =
                Base64.getEncoder().encodeToString(ClientKeys.newEd25519().getPrivate().getEncoded());

        assertThatThrownBy(() -> RequestVerifier.fromBase64Spki("MCow*BQYDK2VwAyEA"))
                .isInstanceOf(UnsupportedKeyException.class).hasMessage("the public key is not valid base64");
        assertThatThrownBy(() -> RequestVerifier.fromBase64Spki(privateKeyByMistake))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining("SubjectPublicKeyInfo")
                .hasMessageNotContaining(privateKeyByMistake.substring(0, 12));
        assertThatThrownBy(() -> RequestVerifier.fromBase64Spki(" "))
                .isInstanceOf(UnsupportedKeyException.class).hasMessage("the public key is missing");
    }

    @Test
    void a_pem_body_split_over_lines_is_read() {
        KeyPair pair = ClientKeys.newP256();
        String pemBody = ClientKeys.base64Spki(pair.getPublic()).replaceAll("(.{64})", "$1\n");

        assertThat(RequestVerifier.fromBase64Spki(pemBody).verify(CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY),
                signer(pair).sign("POST", PATH, BODY, NOW, NONCE).signature())).isTrue();
    }

    @Test
    void a_signer_refuses_a_key_the_engine_would_not_accept() {
        assertThatThrownBy(() -> new RequestSigner("shop-web", Keys.of("RSA").getPrivate(), CLOCK))
                .isInstanceOf(UnsupportedKeyException.class);
        assertThatThrownBy(() -> new RequestSigner("shop-web", Keys.ec("secp384r1").getPrivate(), CLOCK))
                .isInstanceOf(UnsupportedKeyException.class);
    }

    @Test
    void a_signer_stamps_the_current_time_and_a_fresh_url_safe_nonce_of_at_least_16_bytes() {
        KeyPair pair = ClientKeys.newEd25519();
        RequestSigner signer = signer(pair);
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            SignatureHeaders headers = signer.sign("POST", PATH, BODY);
            assertThat(headers.timestamp()).isEqualTo(NOW);
            assertThat(headers.nonce()).matches("[A-Za-z0-9_-]{22,}");
            assertThat(Base64.getUrlDecoder().decode(headers.nonce()).length).isGreaterThanOrEqualTo(16);
            assertThat(RequestVerifier.of(pair.getPublic()).verify(
                    CanonicalRequest.of("POST", PATH, NOW, headers.nonce(), BODY), headers.signature())).isTrue();
            nonces.add(headers.nonce());
        }
        assertThat(nonces).hasSize(100);
    }

    @Test
    void the_headers_are_the_four_pantrade_headers_and_their_string_form_hides_the_signature() {
        SignatureHeaders headers = signer(ClientKeys.newEd25519()).sign("POST", PATH, BODY, NOW, NONCE);

        assertThat(headers.asMap()).containsExactly(
                entry("Pantrade-Client", "shop-web"),
                entry("Pantrade-Timestamp", Long.toString(NOW)),
                entry("Pantrade-Nonce", NONCE),
                entry("Pantrade-Signature", headers.signature()));
        assertThat(headers.toString()).doesNotContain(headers.signature()).doesNotContain(NONCE);
    }

    private static RequestSigner signer(KeyPair pair) {
        return new RequestSigner("shop-web", pair.getPrivate(), CLOCK);
    }

    private static byte[] webCrypto(KeyPair pair, byte[] canonical) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initSign(pair.getPrivate());
        signature.update(canonical);
        return signature.sign();
    }
}
