package io.pantrade.kernel.privacy;

/** Thrown on an attempt to seal new personal data for a person whose key was destroyed. */
public final class SubjectErased extends RuntimeException {

    private final String subjectId;

    public SubjectErased(String subjectId) {
        super("subject " + subjectId + " was erased: no personal data may be sealed for it");
        this.subjectId = subjectId;
    }

    public String subjectId() {
        return subjectId;
    }
}
