package io.pantrade.command.idempotency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over method, path and the body's JSON content with keys sorted, so that a client which
 * re-serialises the same request (other key order, other whitespace) is still recognised as the
 * same request. A body that is not JSON is hashed as it is.
 */
final class RequestFingerprint {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // two requests that differ after the first JSON value, or in a decimal's last digits, differ
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RequestFingerprint() {
    }

    static String of(String method, String path, byte[] body) {
        MessageDigest sha256 = sha256();
        sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
        sha256.update(canonical(body));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static byte[] canonical(byte[] body) {
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
        } catch (IOException notJson) {
            return body;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JRE has SHA-256", impossible);
        }
    }
}
