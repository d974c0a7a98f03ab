package io.pantrade.app;

import io.pantrade.kernel.crypto.RequestSigner;
import io.pantrade.kernel.crypto.SignatureHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A real HTTP client against the engine under test. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final RequestSigner signer;

    Http(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private Http(String base, RequestSigner signer) {
        this.base = base;
        this.signer = signer;
    }

    /** A client that signs every POST it sends, unless the caller brings its own signature headers. */
    Http signedAs(RequestSigner signer) {
        return new Http(base, signer);
    }

    Reply post(String path, String body) {
        return post(path, UUID.randomUUID().toString(), body);
    }

    Reply post(String path, String idempotencyKey, String body) {
        return post(path, idempotencyKey, body, Map.of());
    }

    Reply post(String path, String idempotencyKey, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (signer != null && !headers.containsKey(SignatureHeaders.SIGNATURE)) {
            signer.sign("POST", path, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)).asMap()
                    .forEach(request::header);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE().build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Idempotent-Replayed").isPresent(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, boolean replayed, String location, String retryAfter, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String field(String name) {
            return json().path(name).asText();
        }
    }
}
