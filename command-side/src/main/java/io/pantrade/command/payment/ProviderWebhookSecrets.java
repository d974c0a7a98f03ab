package io.pantrade.command.payment;

import io.pantrade.kernel.crypto.WebhookSecret;

import java.util.List;

/**
 * The secrets shared with the provider: webhooks signed with any of them are accepted, so a secret
 * can be rotated without losing webhooks in flight; the first is the current one.
 */
public record ProviderWebhookSecrets(List<WebhookSecret> accepted) {

    public ProviderWebhookSecrets {
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is needed");
        }
        accepted = List.copyOf(accepted);
    }

    public WebhookSecret current() {
        return accepted.get(0);
    }
}
