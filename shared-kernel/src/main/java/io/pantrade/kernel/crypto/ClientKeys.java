package io.pantrade.kernel.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * For clients: a new key pair of either accepted kind, and its public key in the form the engine
 * registers ({@code pantrade.signing.clients.<client-id>}). The private key never leaves the client.
 */
public final class ClientKeys {

    private ClientKeys() {
    }

    public static KeyPair newEd25519() {
        return generate("Ed25519", null);
    }

    public static KeyPair newP256() {
        return generate("EC", new ECGenParameterSpec("secp256r1"));
    }

    /** Base64 of the X.509 SubjectPublicKeyInfo: what {@link RequestVerifier#fromBase64Spki} reads. */
    public static String base64Spki(PublicKey publicKey) {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(curve);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " key generation is missing from this Java runtime", e);
        }
    }
}
