package io.pantrade.kernel.crypto;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine's side of provider webhooks. Several secrets may be accepted at once, so that a secret
 * can be rotated without refusing the webhooks signed while the provider switches.
 */
public final class WebhookVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final List<WebhookSecret> secrets;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookVerifier(List<WebhookSecret> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret must be accepted");
        }
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("the webhook tolerance must not be negative");
        }
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** @param header the {@link WebhookHeader#NAME} value, {@code null} if it was not sent */
    public WebhookVerdict verify(String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return WebhookVerdict.MISSING;
        }
        Optional<WebhookHeader.Parsed> parsed = WebhookHeader.parse(header);
        if (parsed.isEmpty()) {
            return WebhookVerdict.MALFORMED;
        }
        long timestamp = parsed.get().timestamp();
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > tolerance.toSeconds()) {
            return WebhookVerdict.STALE;
        }
        return matches(timestamp, body, parsed.get().macs()) ? WebhookVerdict.VALID : WebhookVerdict.MISMATCH;
    }

    private boolean matches(long timestamp, byte[] body, List<byte[]> sent) {
        boolean matched = false;
        for (WebhookSecret secret : secrets) {
            byte[] expected = secret.mac(timestamp, body);
            for (byte[] mac : sent) {
                // no early exit: the time taken does not tell which secret or which MAC matched
                matched |= MessageDigest.isEqual(expected, mac);
            }
        }
        return matched;
    }
}
