package io.pantrade.kernel.privacy;

/**
 * Personal data as it is stored in events: encrypted under the key of the person it is about.
 * {@code ciphertext} is base64 of (format-version byte, 12-byte IV, AES-GCM ciphertext and tag);
 * {@code subjectId} is authenticated with it, so a ciphertext cannot be moved to another subject.
 * Open it with a {@link PersonalDataCipher}.
 */
public record SealedText(String subjectId, String ciphertext) {

    public SealedText {
        requireText(subjectId, "subjectId");
        requireText(ciphertext, "ciphertext");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
