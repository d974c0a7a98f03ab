package io.pantrade.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * A subject's data key as stored: wrapped by the master key while live; a tombstone (no key, the
 * time of erasure) once shredded, so that an erased subject is never given a fresh key.
 */
public record SubjectKey(String subjectId, byte[] wrappedKey, Instant createdAt, Instant erasedAt) {

    public SubjectKey {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((wrappedKey == null) == (erasedAt == null)) {
            throw new IllegalArgumentException("a subject key is either live (wrapped key) or erased (erasedAt)");
        }
        wrappedKey = wrappedKey == null ? null : wrappedKey.clone();
    }

    public static SubjectKey live(String subjectId, byte[] wrappedKey, Instant createdAt) {
        return new SubjectKey(subjectId, Objects.requireNonNull(wrappedKey, "wrappedKey"), createdAt, null);
    }

    public static SubjectKey tombstone(String subjectId, Instant createdAt, Instant erasedAt) {
        return new SubjectKey(subjectId, null, createdAt, Objects.requireNonNull(erasedAt, "erasedAt"));
    }

    public boolean erased() {
        return erasedAt != null;
    }

    /** @return a copy, or null once erased */
    @Override
    public byte[] wrappedKey() {
        return wrappedKey == null ? null : wrappedKey.clone();
    }

    /** Names no key bytes, wrapped or not. */
    @Override
    public String toString() {
        return "SubjectKey[" + subjectId + (erased() ? ", erased at " + erasedAt : ", live") + "]";
    }
}
