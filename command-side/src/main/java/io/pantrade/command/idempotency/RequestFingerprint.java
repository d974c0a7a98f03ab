package io.pantrade.command.idempotency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * HMAC-SHA256 over method, path and the body's JSON content with keys sorted, so that a client
 * which re-serialises the same request (other key order, other whitespace) is still recognised as
 * the same request. A body that is not JSON is hashed as it is. Keyed, because bodies hold
 * low-entropy secrets: a 16-digit card number whose brand and last four digits are known is one of
 * 10^10 (10^5 once its first six are known too), so an unkeyed hash kept for a day would give it
 * away to whoever reads the store.
 */
public final class RequestFingerprint {

    private static final String ALGORITHM = "HmacSHA256";
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // two requests that differ after the first JSON value, or in a decimal's last digits, differ
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final SecretKeySpec key;
    /** One initialised Mac per request thread: looking one up and keying it cost more than the hash. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::mac);

    /** @param key 256 bits from configuration; the same on every node that shares the idempotency store */
    public RequestFingerprint(SecretKey key) {
        this.key = new SecretKeySpec(Objects.requireNonNull(key, "key").getEncoded(), ALGORITHM);
    }

    String of(String method, String path, byte[] body) {
        byte[] content = canonical(body);
        Mac mac = macs.get();
        mac.reset();
        mac.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
        mac.update(content);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private static byte[] canonical(byte[] body) {
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readValue(body, Object.class));
        } catch (IOException notJson) {
            return body;
        }
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // HMAC-SHA256 ships with every Java runtime: this is a broken JVM
            throw new IllegalStateException("HMAC-SHA256 is unusable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "RequestFingerprint[HMAC-SHA256, key redacted]";
    }
}
