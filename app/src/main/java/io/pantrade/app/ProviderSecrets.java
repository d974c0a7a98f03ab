package io.pantrade.app;

import io.pantrade.command.payment.ProviderWebhookSecrets;
import io.pantrade.kernel.crypto.WebhookSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The secrets shared with the payment provider ({@code PANTRADE_PAYMENTS_WEBHOOK_SECRETS}, comma
 * separated, current first, so a secret can be rotated without losing webhooks in flight). The
 * embedded mode generates one for its simulated provider at first start.
 */
@Configuration(proxyBeanMethods = false)
class ProviderSecrets {

    @Bean
    ProviderWebhookSecrets providerWebhookSecrets(ConfiguredKeys keys,
                                                  @Value("${pantrade.payments.webhook.secrets:}") String configured) {
        if (configured.isBlank()) {
            byte[] generated = keys.load("", "the payment provider's webhook secret",
                    "PANTRADE_PAYMENTS_WEBHOOK_SECRETS", "webhook-secret.key").getEncoded();
            return new ProviderWebhookSecrets(List.of(WebhookSecret.of(Base64.getEncoder().encodeToString(generated))));
        }
        return new ProviderWebhookSecrets(Arrays.stream(configured.split(","))
                .map(String::strip)
                .filter(secret -> !secret.isEmpty())
                .map(WebhookSecret::of)
                .toList());
    }
}
