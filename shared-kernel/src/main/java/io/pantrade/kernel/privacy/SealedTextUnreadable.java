package io.pantrade.kernel.privacy;

/** A sealed text that cannot be opened although its key exists: altered, malformed or misplaced. */
public final class SealedTextUnreadable extends RuntimeException {

    /** @param message must name no key material and no plaintext */
    public SealedTextUnreadable(String message) {
        super(message);
    }
}
