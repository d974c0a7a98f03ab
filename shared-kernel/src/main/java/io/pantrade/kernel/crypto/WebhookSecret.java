package io.pantrade.kernel.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * A secret shared with the payment provider; the HMAC key is the UTF-8 bytes of its text, so the
 * provider and the engine configure the same string.
 */
public final class WebhookSecret {

    /** HMAC-SHA256 wants a key at least as long as its output. */
    static final int MIN_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    private WebhookSecret(SecretKeySpec key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException if it is shorter than 32 bytes; never quotes it */
    public static WebhookSecret of(String secret) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a webhook secret must be at least " + MIN_BYTES
                    + " bytes, e.g. base64 of 32 random bytes");
        }
        return new WebhookSecret(new SecretKeySpec(bytes, HMAC));
    }

    /** HMAC-SHA256 over {@code <epochSeconds>.<body>}. */
    byte[] mac(long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unusable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret[hidden]";
    }
}
