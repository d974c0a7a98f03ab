package io.pantrade.bench;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/** One worker's way of talking HTTP/1.1 to the server under test. Not thread-safe. */
interface HttpTransport extends Closeable {

    default Response post(String path, byte[] jsonBody, String idempotencyKey) throws IOException {
        return post(path, jsonBody, idempotencyKey, Map.of());
    }

    /** @param headers sent in addition to the JSON and idempotency headers, e.g. a request's signature */
    Response post(String path, byte[] jsonBody, String idempotencyKey, Map<String, String> headers) throws IOException;

    default Response get(String path) throws IOException {
        return get(path, "application/json");
    }

    /** A GET whose whole answer is read, up to the end of its body: for a stream, until the server ends it. */
    Response get(String path, String accept) throws IOException;

    @Override
    void close();

    record Response(int status, String body) {
    }
}
