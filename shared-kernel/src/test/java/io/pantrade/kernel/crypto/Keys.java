package io.pantrade.kernel.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Fresh key pairs for tests, and their public keys the way a client registers them. */
final class Keys {

    private Keys() {
    }

    static KeyPair ed25519() {
        return generate("Ed25519", null);
    }

    static KeyPair p256() {
        return generate("EC", new ECGenParameterSpec("secp256r1"));
    }

    static KeyPair ec(String curve) {
        return generate("EC", new ECGenParameterSpec(curve));
    }

    static KeyPair generate(String algorithm, ECGenParameterSpec curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(curve);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String spki(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }
}
