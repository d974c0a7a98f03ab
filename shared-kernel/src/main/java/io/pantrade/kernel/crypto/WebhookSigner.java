package io.pantrade.kernel.crypto;

import java.time.Clock;

/** The payment provider's side: the {@link WebhookHeader#NAME} value for a body it is about to send. */
public final class WebhookSigner {

    private final WebhookSecret secret;
    private final Clock clock;

    public WebhookSigner(WebhookSecret secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    public String sign(byte[] body) {
        return sign(body, clock.instant().getEpochSecond());
    }

    public String sign(byte[] body, long epochSeconds) {
        return WebhookHeader.format(epochSeconds, secret.mac(epochSeconds, body));
    }
}
