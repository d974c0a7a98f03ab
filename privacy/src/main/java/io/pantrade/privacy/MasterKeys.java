package io.pantrade.privacy;


import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/** The master key that wraps every subject key: from configuration, or a file made at first start. */
public final class MasterKeys {

    private static final int KEY_BYTES = 32;

    private MasterKeys() {
    }

    /** @throws IllegalArgumentException unless the text is base64 of exactly 32 bytes; never quotes it */
    public static SecretKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("the master key is missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            // Not chained: the decoder's message quotes a character of the key.
            throw new IllegalArgumentException("the master key is not valid base64");
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("the master key must be " + KEY_BYTES
                        + " bytes (256 bits) once base64-decoded, but it is " + bytes.length);
            }
            return new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Reads the key from {@code file}, first creating it (owner-only, 0600) with a random key if it
     * does not exist. Back the file up: without it nothing sealed under its keys can be read.
     */
    public static SecretKey loadOrCreate(Path file) {
        try {
            return fromBase64(SecretFiles.readOrCreate(file, KEY_BYTES));
        } catch (IllegalArgumentException badKey) {
            throw new IllegalArgumentException(badKey.getMessage() + " (in " + file + ")");
        }
    }
}
