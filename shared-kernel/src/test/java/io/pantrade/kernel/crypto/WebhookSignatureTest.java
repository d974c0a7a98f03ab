package io.pantrade.kernel.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A webhook signed by the simulated provider, checked by the engine. */
class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final WebhookSecret SECRET = WebhookSecret.of("whsec_3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    private static final WebhookSecret NEXT_SECRET = WebhookSecret.of("whsec_rotated-in-7777777777777777777777777777");
    private static final byte[] BODY = "{\"type\":\"payment.captured\",\"payment\":\"p-1\",\"amountMinor\":1250}"
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookSigner provider = new WebhookSigner(SECRET, CLOCK);
    private final WebhookVerifier engine = new WebhookVerifier(List.of(SECRET), Duration.ofMinutes(5), CLOCK);

    @Test
    void the_header_is_the_timestamp_and_the_hex_hmac_sha256_of_timestamp_dot_body() throws Exception {
        long t = NOW.getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(
                "whsec_3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));

        assertThat(provider.sign(BODY)).isEqualTo("t=" + t + ",v1=" + HexFormat.of().formatHex(expected));
    }

    @Test
    void a_webhook_signed_now_with_the_secret_is_valid() {
        assertThat(engine.verify(provider.sign(BODY), BODY)).isEqualTo(WebhookVerdict.VALID);
    }

    @Test
    void an_altered_body_or_timestamp_is_a_mismatch() {
        String header = provider.sign(BODY);
        byte[] altered = BODY.clone();
        altered[altered.length - 2] = '9';
        long t = NOW.getEpochSecond();

        assertThat(engine.verify(header, altered)).isEqualTo(WebhookVerdict.MISMATCH);
        assertThat(engine.verify(header.replace("t=" + t, "t=" + (t - 1)), BODY)).isEqualTo(WebhookVerdict.MISMATCH);
        assertThat(engine.verify(header, new byte[0])).isEqualTo(WebhookVerdict.MISMATCH);
    }

    @Test
    void a_webhook_signed_with_another_secret_is_a_mismatch() {
        String header = new WebhookSigner(NEXT_SECRET, CLOCK).sign(BODY);

        assertThat(engine.verify(header, BODY)).isEqualTo(WebhookVerdict.MISMATCH);
    }

    @Test
    void outside_the_tolerance_in_either_direction_is_stale_and_the_edges_are_valid() {
        long t = NOW.getEpochSecond();

        assertThat(engine.verify(provider.sign(BODY, t - 301), BODY)).isEqualTo(WebhookVerdict.STALE);
        assertThat(engine.verify(provider.sign(BODY, t + 301), BODY)).isEqualTo(WebhookVerdict.STALE);
        assertThat(engine.verify(provider.sign(BODY, t - 300), BODY)).isEqualTo(WebhookVerdict.VALID);
        assertThat(engine.verify(provider.sign(BODY, t + 300), BODY)).isEqualTo(WebhookVerdict.VALID);
    }

    @Test
    void the_tolerance_is_configurable() {
        WebhookVerifier strict = new WebhookVerifier(List.of(SECRET), Duration.ofSeconds(30), CLOCK);
        long t = NOW.getEpochSecond();

        assertThat(strict.verify(provider.sign(BODY, t - 31), BODY)).isEqualTo(WebhookVerdict.STALE);
        assertThat(strict.verify(provider.sign(BODY, t - 30), BODY)).isEqualTo(WebhookVerdict.VALID);
    }

    @Test
    void no_header_is_missing() {
        assertThat(engine.verify(null, BODY)).isEqualTo(WebhookVerdict.MISSING);
        assertThat(engine.verify("  ", BODY)).isEqualTo(WebhookVerdict.MISSING);
    }

    @Test
    void a_header_not_in_the_t_v1_form_is_malformed() {
        String valid = provider.sign(BODY);
        String mac = valid.substring(valid.indexOf("v1=") + 3);
        long t = NOW.getEpochSecond();

        for (String header : List.of("v1=" + mac, "t=" + t, "t=" + t + ",v1=", "t=" + t + ",v1=" + mac.substring(2),
                "t=" + t + ",v1=" + mac.replace(mac.charAt(0), 'g'), "t=abc,v1=" + mac, "t=-5,v1=" + mac,
                "t=" + t + ",t=" + t + ",v1=" + mac, "t=" + t + ",v1=" + mac + ",v0=" + mac,
                "t=" + t + ";v1=" + mac, "t=99999999999999999999,v1=" + mac, "garbage",
                "t=" + t + ",v1=" + mac + ",")) {
            assertThat(engine.verify(header, BODY)).as(header).isEqualTo(WebhookVerdict.MALFORMED);
        }
        assertThat(engine.verify(" t=" + t + " , v1=" + mac + " ", BODY)).isEqualTo(WebhookVerdict.VALID);
    }

    @Test
    void while_rotating_both_the_old_and_the_new_secret_are_accepted() {
        WebhookVerifier rotating = new WebhookVerifier(List.of(SECRET, NEXT_SECRET), Duration.ofMinutes(5), CLOCK);

        assertThat(rotating.verify(provider.sign(BODY), BODY)).isEqualTo(WebhookVerdict.VALID);
        assertThat(rotating.verify(new WebhookSigner(NEXT_SECRET, CLOCK).sign(BODY), BODY)).isEqualTo(WebhookVerdict.VALID);
        assertThat(rotating.verify(new WebhookSigner(WebhookSecret.of("x".repeat(32)), CLOCK).sign(BODY), BODY))
                .isEqualTo(WebhookVerdict.MISMATCH);
    }

    @Test
    void a_header_with_the_mac_of_each_secret_is_valid_when_either_is_accepted() {
        String old = provider.sign(BODY);
        String both = old + ",v1=" + new WebhookSigner(NEXT_SECRET, CLOCK).sign(BODY).split("v1=")[1];
        WebhookVerifier onlyNext = new WebhookVerifier(List.of(NEXT_SECRET), Duration.ofMinutes(5), CLOCK);

        assertThat(engine.verify(both, BODY)).isEqualTo(WebhookVerdict.VALID);
        assertThat(onlyNext.verify(both, BODY)).isEqualTo(WebhookVerdict.VALID);
        assertThat(onlyNext.verify(old, BODY)).isEqualTo(WebhookVerdict.MISMATCH);
    }

    @Test
    void a_short_secret_is_refused_without_being_quoted_and_never_printed() {
        assertThatThrownBy(() -> WebhookSecret.of("too-short-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("too-short-secret");
        assertThat(SECRET.toString()).doesNotContain("whsec");
    }

    @Test
    void a_verifier_needs_a_secret() {
        assertThatThrownBy(() -> new WebhookVerifier(List.of(), Duration.ofMinutes(5), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
