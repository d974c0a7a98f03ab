package io.pantrade.kernel.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;

/**
 * The client's side: signs a request with the client's Ed25519 or EC P-256 private key and gives
 * the headers to send with it. ECDSA signatures are DER-encoded.
 */
public final class RequestSigner {

    private static final int NONCE_BYTES = 18;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String clientId;
    private final PrivateKey privateKey;
    private final SigningAlgorithm algorithm;
    private final Clock clock;

    /** @throws UnsupportedKeyException unless the key is an Ed25519 or EC P-256 private key */
    public RequestSigner(String clientId, PrivateKey privateKey, Clock clock) {
        this.clientId = clientId;
        this.privateKey = privateKey;
        this.algorithm = SigningAlgorithm.of(privateKey);
        this.clock = clock;
    }

    /** Signs with the current time and a fresh nonce: what every real request does. */
    public SignatureHeaders sign(String method, String pathAndQuery, byte[] body) {
        return sign(method, pathAndQuery, body, clock.instant().getEpochSecond(), newNonce());
    }

    public SignatureHeaders sign(String method, String pathAndQuery, byte[] body, long epochSeconds, String nonce) {
        byte[] canonical = CanonicalRequest.of(method, pathAndQuery, epochSeconds, nonce, body);
        try {
            Signature signature = algorithm.newSignature();
            signature.initSign(privateKey);
            signature.update(canonical);
            return new SignatureHeaders(clientId, epochSeconds, nonce,
                    Base64.getEncoder().encodeToString(signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.displayName() + " signing failed: " + e.getClass().getSimpleName());
        }
    }

    /** URL-safe base64 without padding of 18 random bytes (24 characters). */
    public static String newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }
}
