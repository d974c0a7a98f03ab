package io.pantrade.bench;

import java.io.Closeable;
import java.io.IOException;

/** One worker's way of talking HTTP/1.1 to the server under test. Not thread-safe. */
interface HttpTransport extends Closeable {

    Response post(String path, byte[] jsonBody, String idempotencyKey) throws IOException;

    Response get(String path) throws IOException;

    @Override
    void close();

    record Response(int status, String body) {
    }
}
