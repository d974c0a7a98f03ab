package io.pantrade.web;

/** The answer is not known yet (a read model is still being rebuilt): retry shortly. */
public class NotReadyException extends RuntimeException {

    public NotReadyException(String detail) {
        super(detail, null, false, false);
    }
}
