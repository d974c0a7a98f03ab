package io.pantrade.command.idempotency;

/** The first answer given to a key: replayed byte for byte to every retry. */
public record StoredResponse(int status, String contentType, String location, byte[] body) {
}
