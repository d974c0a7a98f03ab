package io.pantrade.privacy;

import io.pantrade.kernel.privacy.AesGcm;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.kernel.privacy.SealedTextUnreadable;
import io.pantrade.kernel.privacy.SubjectErased;

import javax.crypto.SecretKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals personal data under a key per subject, kept wrapped in a {@link SubjectKeyStore}.
 * Unwrapped keys, and the fact that a subject is erased, are cached so that sealing and opening
 * for a known subject does no I/O. Another process's cache keeps a shredded key until it evicts
 * it: calling {@link #shred} there too (it is idempotent) makes it forget at once.
 */
public final class SubjectKeyCipher implements PersonalDataCipher {

    private final SubjectKeyStore store;
    private final MasterKeyWrap masterKey;
    /** An empty value means: erased. */
    private final LruCache<String, Optional<SecretKey>> keys;

    public SubjectKeyCipher(SubjectKeyStore store, SecretKey masterKey, int cacheSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.masterKey = new MasterKeyWrap(Objects.requireNonNull(masterKey, "masterKey"));
        this.keys = new LruCache<>(cacheSize);
    }

    @Override
    public SealedText seal(String subjectId, String plaintext) {
        requireSubject(subjectId);
        Objects.requireNonNull(plaintext, "plaintext");
        SecretKey key = keyOf(subjectId, true).orElseThrow(() -> new SubjectErased(subjectId));
        return AesGcm.seal(key, subjectId, plaintext);
    }

    @Override
    public Optional<String> open(SealedText sealed) {
        Objects.requireNonNull(sealed, "sealed");
        return keyOf(sealed.subjectId(), false).map(key -> AesGcm.open(key, sealed));
    }

    @Override
    public void shred(String subjectId) {
        requireSubject(subjectId);
        store.destroy(subjectId);
        keys.put(subjectId, Optional.empty());
    }

    private Optional<SecretKey> keyOf(String subjectId, boolean createIfAbsent) {
        Optional<SecretKey> cached = keys.get(subjectId);
        if (cached != null) {
            return cached;
        }
        SubjectKey stored = storedKey(subjectId, createIfAbsent);
        Optional<SecretKey> key = stored.erased() ? Optional.empty() : Optional.of(masterKey.unwrap(stored));
        // A shred that ran while we read the store has left its mark in the cache: it wins.
        return keys.putIfAbsent(subjectId, key);
    }

    private SubjectKey storedKey(String subjectId, boolean createIfAbsent) {
        Optional<SubjectKey> found = store.find(subjectId);
        if (found.isPresent()) {
            return found.get();
        }
        if (!createIfAbsent) {
            throw new SealedTextUnreadable("there is no key for subject " + subjectId
                    + ": nothing was sealed for it, or the key store was lost");
        }
        // Others may create a key for this subject at the same moment: the store keeps the first.
        return store.insertIfAbsent(subjectId, masterKey.wrap(MasterKeyWrap.newSubjectKey()));
    }

    private static void requireSubject(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            throw new IllegalArgumentException("subjectId must not be blank");
        }
    }
}
