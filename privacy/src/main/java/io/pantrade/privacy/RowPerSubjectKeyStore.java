package io.pantrade.privacy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A store with one record per subject, built on two atomic writes that every database offers:
 * insert unless the subject is there, and erase the key if it is still live. No locks, so several
 * processes may share the store.
 */
abstract class RowPerSubjectKeyStore implements SubjectKeyStore {

    /** @return false if the subject already has a record */
    abstract boolean insert(SubjectKey key);

    /** @return false if the subject has no record or its key is already erased */
    abstract boolean eraseLiveKey(String subjectId, Instant erasedAt);

    @Override
    public final SubjectKey insertIfAbsent(String subjectId, byte[] wrappedKey) {
        SubjectKey key = SubjectKey.live(subjectId, wrappedKey, now());
        if (insert(key)) {
            return key;
        }
        return find(subjectId).orElseThrow(() -> new IllegalStateException(
                "the key of subject " + subjectId + " was reported present but cannot be found"));
    }

    @Override
    public final void destroy(String subjectId) {
        Instant now = now();
        // A key may be inserted between our writes: go round until a tombstone is there.
        while (!eraseLiveKey(subjectId, now) && !insert(SubjectKey.tombstone(subjectId, now, now))) {
            if (find(subjectId).map(SubjectKey::erased).orElse(false)) {
                return;
            }
        }
    }

    private static Instant now() {
        // Millisecond precision round-trips through every SQL and BSON time type.
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
