package io.pantrade.privacy;

import java.util.Optional;

/** Where wrapped subject keys and the tombstones of erased subjects are kept. */
public interface SubjectKeyStore {

    /** @return the live key or the tombstone of the subject; empty if it never had a key */
    Optional<SubjectKey> find(String subjectId);

    /**
     * Stores a new key unless the subject already has a key or a tombstone.
     *
     * @return what the store holds afterwards: this key, or the one (or tombstone) that was there first
     */
    SubjectKey insertIfAbsent(String subjectId, byte[] wrappedKey);

    /** Replaces the subject's key by a tombstone, or records one if it had no key. Idempotent. */
    void destroy(String subjectId);
}
