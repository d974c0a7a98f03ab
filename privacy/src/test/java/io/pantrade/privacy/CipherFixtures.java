package io.pantrade.privacy;

/** Fixed master keys, so that a test can check no error or log line quotes them. */
final class CipherFixtures {

    /** 32 bytes 0x00..0x1f. */
    static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** 32 bytes 0x20..0x3f. */
    static final String OTHER_MASTER_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    private CipherFixtures() {
    }
}
