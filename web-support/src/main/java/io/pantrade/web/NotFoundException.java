package io.pantrade.web;

public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail, null, false, false);
    }
}
