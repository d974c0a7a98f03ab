package io.pantrade.privacy;

/** The cipher tests' fixture must keep the same contract as the real stores. */
class InMemorySubjectKeyStoreTest extends SubjectKeyStoreContract {

    private final InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();

    @Override
    SubjectKeyStore store() {
        return store;
    }
}
