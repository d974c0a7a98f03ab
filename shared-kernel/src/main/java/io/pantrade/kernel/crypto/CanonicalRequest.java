package io.pantrade.kernel.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The exact bytes a client signs and the engine verifies: method, path as sent (with its query
 * string), timestamp, nonce and the SHA-256 of the body, one per line. Every element is free of
 * line breaks, so no two different requests share a canonical form.
 */
public final class CanonicalRequest {

    private CanonicalRequest() {
    }

    /**
     * @param pathAndQuery the request target as sent, e.g. {@code /api/payments/123/capture?full=true}
     * @param body         the raw body bytes; {@code null} or empty for a request without a body
     */
    public static byte[] of(String method, String pathAndQuery, long epochSeconds, String nonce, byte[] body) {
        String canonical = String.join("\n",
                singleLine("method", method).toUpperCase(Locale.ROOT),
                singleLine("path", pathAndQuery),
                Long.toString(epochSeconds),
                singleLine("nonce", nonce),
                sha256Hex(body == null ? new byte[0] : body));
        return canonical.getBytes(StandardCharsets.UTF_8);
    }

    /** Lowercase hex, as it appears in the canonical form. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static String singleLine(String element, String value) {
        if (value == null || value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the " + element + " of a signed request must be one non-empty line");
        }
        return value;
    }
}
