package io.pantrade.kernel.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The engine's side: one registered client's public key, checking signatures over canonical
 * requests. A signature that is not base64, has the wrong length or encoding, or does not match is
 * simply not valid: nothing a client sends makes this throw.
 */
public final class RequestVerifier {

    // EdDSA also reads Ed448 and RSA is read too, only so that the refusal can say what the key is
    private static final String[] KEY_FACTORIES = {"EdDSA", "EC", "RSA"};

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final PublicKey publicKey;
    private final SigningAlgorithm algorithm;

    private RequestVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
        this.algorithm = SigningAlgorithm.of(publicKey);
    }

    /** @throws UnsupportedKeyException unless the key is an Ed25519 or EC P-256 public key */
    public static RequestVerifier of(PublicKey publicKey) {
        return new RequestVerifier(publicKey);
    }

    /**
     * @param base64Spki base64 of the key's X.509 SubjectPublicKeyInfo: what {@code PublicKey.getEncoded()}
     *                   and WebCrypto's {@code exportKey("spki")} give, or a PEM body without its
     *                   armour lines (line breaks are ignored)
     * @throws UnsupportedKeyException unless it is an Ed25519 or EC P-256 public key
     */
    public static RequestVerifier fromBase64Spki(String base64Spki) {
        if (base64Spki == null || base64Spki.isBlank()) {
            throw new UnsupportedKeyException("the public key is missing");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(WHITESPACE.matcher(base64Spki).replaceAll(""));
        } catch (IllegalArgumentException notBase64) {
            throw new UnsupportedKeyException("the public key is not valid base64");
        }
        return new RequestVerifier(decode(encoded));
    }

    /** "Ed25519" or "ECDSA P-256". */
    public String algorithm() {
        return algorithm.displayName();
    }

    public boolean verify(byte[] canonicalRequest, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (algorithm == SigningAlgorithm.ECDSA_P256 && signature.length == SigningAlgorithm.P1363_SIGNATURE_BYTES
                && verify(SigningAlgorithm.signature(SigningAlgorithm.ECDSA_P1363), canonicalRequest, signature)) {
            return true;
        }
        return verify(algorithm.newSignature(), canonicalRequest, signature);
    }

    private boolean verify(Signature verifier, byte[] canonicalRequest, byte[] signature) {
        try {
            verifier.initVerify(publicKey);
            verifier.update(canonicalRequest);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return false;
        }
    }

    private static PublicKey decode(byte[] encoded) {
        X509EncodedKeySpec spec = new X509EncodedKeySpec(encoded);
        for (String algorithm : KEY_FACTORIES) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (InvalidKeySpecException notThisAlgorithm) {
                // try the next
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
            }
        }
        throw new UnsupportedKeyException(
                "the public key is not an X.509 SubjectPublicKeyInfo of an Ed25519 or EC P-256 key");
    }
}
