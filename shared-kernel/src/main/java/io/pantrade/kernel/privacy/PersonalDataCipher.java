package io.pantrade.kernel.privacy;

import java.util.Optional;

/** Seals personal data under a key per subject (a person), so that it can be crypto-shredded. */
public interface PersonalDataCipher {

    /** @throws SubjectErased if the subject's key was destroyed: an erased person gets no new data */
    SealedText seal(String subjectId, String plaintext);

    /**
     * @return the plaintext, or empty if the subject's key was destroyed
     * @throws SealedTextUnreadable if the sealed text was altered, is malformed or has no key
     */
    Optional<String> open(SealedText sealed);

    /** Destroys the subject's key for good: everything ever sealed for it becomes unreadable. */
    void shred(String subjectId);
}
