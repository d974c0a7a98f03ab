package io.pantrade.web;

import java.io.IOException;

/** An IOException so that it travels through the body readers (Jackson, servlet streams) unchanged. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
