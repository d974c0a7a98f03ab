package io.pantrade.kernel.crypto;

/**
 * A key that cannot sign or verify Pantrade requests. Raised when keys are configured, never
 * while a request is checked; its message never quotes the key.
 */
public class UnsupportedKeyException extends IllegalArgumentException {

    public UnsupportedKeyException(String message) {
        super(message);
    }
}
