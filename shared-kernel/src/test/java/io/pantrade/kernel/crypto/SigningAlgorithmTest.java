package io.pantrade.kernel.crypto;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures are made and checked by BouncyCastle, not by the JDK's own (slower) implementations:
 * the two must agree on every signature, both ways, and on the RFC 8032 test vectors.
 */
class SigningAlgorithmTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final String PATH = "/api/payments/7c9e6679-7425-40de-944b-e07fc1f90ae7/capture";
    private static final byte[] BODY = "{\"amountMinor\":1250,\"currency\":\"EUR\"}".getBytes(StandardCharsets.UTF_8);
    private static final String NONCE = "Zm9vYmFyYmF6cXV4cXV1eDEy";
    private static final long NOW = CLOCK.instant().getEpochSecond();

    /** X.509 SubjectPublicKeyInfo of an Ed25519 key, up to its 32 raw bytes (RFC 8410). */
    private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";
    /** The order of the Ed25519 base point. */
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    @Test
    void every_signature_is_made_and_checked_by_bouncy_castle() {
        assertThat(SigningAlgorithm.ED25519.newSignature().getProvider().getName()).isEqualTo("BC");
        assertThat(SigningAlgorithm.ECDSA_P256.newSignature().getProvider().getName()).isEqualTo("BC");
        assertThat(SigningAlgorithm.signature(SigningAlgorithm.ECDSA_P1363).getProvider().getName()).isEqualTo("BC");
    }

    @Test
    void ed25519_signatures_are_byte_for_byte_the_jdks() throws Exception {
        KeyPair pair = ClientKeys.newEd25519();
        byte[] canonical = CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY);

        String ours = new RequestSigner("shop-web", pair.getPrivate(), CLOCK).sign("POST", PATH, BODY, NOW, NONCE).signature();
        byte[] jdks = jdkSign("Ed25519", pair, canonical);

        assertThat(Base64.getDecoder().decode(ours)).isEqualTo(jdks);
        assertThat(RequestVerifier.of(pair.getPublic()).verify(canonical, Base64.getEncoder().encodeToString(jdks))).isTrue();
    }

    @Test
    void p256_signatures_of_either_side_verify_on_the_other() throws Exception {
        KeyPair pair = ClientKeys.newP256();
        byte[] canonical = CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY);
        RequestVerifier verifier = RequestVerifier.of(pair.getPublic());

        for (int round = 0; round < 20; round++) {
            String ours = new RequestSigner("pos-7", pair.getPrivate(), CLOCK).sign("POST", PATH, BODY, NOW, NONCE).signature();
            assertThat(jdkVerify("SHA256withECDSA", pair, canonical, Base64.getDecoder().decode(ours))).isTrue();
            assertThat(verifier.verify(canonical, encode(jdkSign("SHA256withECDSA", pair, canonical)))).isTrue();
            assertThat(verifier.verify(canonical, encode(jdkSign("SHA256withECDSAinP1363Format", pair, canonical)))).isTrue();
        }
    }

    @Test
    void the_rfc_8032_ed25519_test_vectors_verify() {
        // RFC 8032 section 7.1, TEST 1 (empty message) and TEST 2 (one byte)
        assertThat(rfc8032("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"))
                .isTrue();
        assertThat(rfc8032("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"))
                .isTrue();
        assertThat(rfc8032("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "73",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"))
                .as("another message").isFalse();
    }

    /** S + L passes the group equation too; RFC 8032 requires S < L, so a signature has one encoding only. */
    @Test
    void an_ed25519_signature_with_a_non_canonical_s_is_refused() throws Exception {
        KeyPair pair = ClientKeys.newEd25519();
        byte[] canonical = CanonicalRequest.of("POST", PATH, NOW, NONCE, BODY);
        byte[] signature = jdkSign("Ed25519", pair, canonical);
        byte[] malleated = signature.clone();
        System.arraycopy(littleEndian(fromLittleEndian(Arrays.copyOfRange(signature, 32, 64)).add(L)), 0, malleated, 32, 32);

        assertThat(malleated).isNotEqualTo(signature);
        assertThat(RequestVerifier.of(pair.getPublic()).verify(canonical, encode(signature))).isTrue();
        assertThat(RequestVerifier.of(pair.getPublic()).verify(canonical, encode(malleated))).isFalse();
    }

    private static boolean rfc8032(String publicKeyHex, String messageHex, String signatureHex) {
        RequestVerifier verifier = RequestVerifier.fromBase64Spki(
                Base64.getEncoder().encodeToString(HEX.parseHex(ED25519_SPKI_PREFIX + publicKeyHex)));
        return verifier.verify(HEX.parseHex(messageHex), encode(HEX.parseHex(signatureHex)));
    }

    private static byte[] jdkSign(String algorithm, KeyPair pair, byte[] message) throws Exception {
        Signature signature = Signature.getInstance(algorithm, "SunEC");
        signature.initSign(pair.getPrivate());
        signature.update(message);
        return signature.sign();
    }

    private static boolean jdkVerify(String algorithm, KeyPair pair, byte[] message, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(algorithm, "SunEC");
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static String encode(byte[] signature) {
        return Base64.getEncoder().encodeToString(signature);
    }

    private static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            little[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return little;
    }
}
