package io.pantrade.kernel.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@link SealedText} format: AES-GCM with a random 96-bit IV and a 128-bit tag, the subject id
 * as associated data. The leading version byte lets a later format be introduced without
 * guessing what an old ciphertext is.
 */
public final class AesGcm {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_BYTES = 1 + IV_BYTES + TAG_BITS / 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    public static SealedText seal(SecretKey key, String subjectId, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] encrypted;
        try {
            encrypted = run(Cipher.ENCRYPT_MODE, key, iv, subjectId, plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (AEADBadTagException cannotHappenWhenEncrypting) {
            throw new IllegalStateException("AES-GCM reported a bad tag while encrypting");
        }
        byte[] framed = ByteBuffer.allocate(1 + IV_BYTES + encrypted.length)
                .put(VERSION).put(iv).put(encrypted).array();
        return new SealedText(subjectId, Base64.getEncoder().encodeToString(framed));
    }

    /** @throws SealedTextUnreadable if the text is malformed, altered or not sealed with this key */
    public static String open(SecretKey key, SealedText sealed) {
        ByteBuffer framed = ByteBuffer.wrap(decode(sealed));
        if (framed.get() != VERSION) {
            throw unreadable(sealed, "has an unknown format version");
        }
        byte[] iv = new byte[IV_BYTES];
        framed.get(iv);
        byte[] encrypted = new byte[framed.remaining()];
        framed.get(encrypted);
        try {
            byte[] plain = run(Cipher.DECRYPT_MODE, key, iv, sealed.subjectId(), encrypted);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException badTag) {
            throw unreadable(sealed, "fails authentication (altered, or sealed for another subject or key)");
        }
    }

    private static byte[] decode(SealedText sealed) {
        byte[] framed;
        try {
            framed = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException notBase64) {
            throw unreadable(sealed, "is not base64");
        }
        if (framed.length < MIN_BYTES) {
            throw unreadable(sealed, "is too short");
        }
        return framed;
    }

    private static byte[] run(int mode, SecretKey key, byte[] iv, String subjectId, byte[] input)
            throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException badTag) {
            throw badTag;
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java runtime: this is a broken JVM or a wrong-sized key.
            throw new IllegalStateException("AES-GCM is unusable: " + e.getClass().getSimpleName());
        }
    }

    private static SealedTextUnreadable unreadable(SealedText sealed, String why) {
        return new SealedTextUnreadable("sealed text of subject " + sealed.subjectId() + " " + why);
    }
}
