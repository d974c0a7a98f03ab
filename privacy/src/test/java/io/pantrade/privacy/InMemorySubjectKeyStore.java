package io.pantrade.privacy;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A store for cipher tests that counts its reads, to show what the cache spares. */
class InMemorySubjectKeyStore implements SubjectKeyStore {

    private final ConcurrentMap<String, SubjectKey> keys = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    int calls() {
        return calls.get();
    }

    @Override
    public Optional<SubjectKey> find(String subjectId) {
        calls.incrementAndGet();
        return Optional.ofNullable(keys.get(subjectId));
    }

    @Override
    public SubjectKey insertIfAbsent(String subjectId, byte[] wrappedKey) {
        calls.incrementAndGet();
        return keys.computeIfAbsent(subjectId, id -> SubjectKey.live(id, wrappedKey, Instant.now()));
    }

    @Override
    public void destroy(String subjectId) {
        calls.incrementAndGet();
        keys.compute(subjectId, (id, key) -> key != null && key.erased() ? key
                : SubjectKey.tombstone(id, key == null ? Instant.now() : key.createdAt(), Instant.now()));
    }
}
