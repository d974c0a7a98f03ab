package io.pantrade.privacy;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;

/** Makes subject keys and wraps them with the master key (AES key wrap, RFC 3394). */
final class MasterKeyWrap {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey masterKey;

    MasterKeyWrap(SecretKey masterKey) {
        this.masterKey = masterKey;
    }

    static SecretKey newSubjectKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw unusable(e);
        }
    }

    byte[] wrap(SecretKey subjectKey) {
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.WRAP_MODE, masterKey);
            return cipher.wrap(subjectKey);
        } catch (GeneralSecurityException e) {
            throw unusable(e);
        }
    }

    /** @throws IllegalStateException if the key was wrapped with another master key, or altered */
    SecretKey unwrap(SubjectKey stored) {
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.UNWRAP_MODE, masterKey);
            return (SecretKey) cipher.unwrap(stored.wrappedKey(), "AES", Cipher.SECRET_KEY);
        } catch (InvalidKeyException integrityCheckFailed) {
            throw new IllegalStateException("the key of subject " + stored.subjectId()
                    + " cannot be unwrapped: it was wrapped with another master key, or altered");
        } catch (GeneralSecurityException e) {
            throw unusable(e);
        }
    }

    private static IllegalStateException unusable(GeneralSecurityException e) {
        // AES and AES key wrap ship with every Java runtime: this is a broken JVM, not bad input.
        return new IllegalStateException("AES key wrapping is unusable: " + e.getClass().getSimpleName());
    }
}
