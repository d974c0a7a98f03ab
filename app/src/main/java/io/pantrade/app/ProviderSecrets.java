package io.pantrade.app;

import io.pantrade.command.payment.ProviderWebhookSecrets;
import io.pantrade.kernel.crypto.WebhookSecret;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;

/**
 * The secrets shared with the payment provider ({@code PANTRADE_PAYMENTS_WEBHOOK_SECRETS}, comma
 * separated, current first, to rotate without losing webhooks in flight).
 */
@Configuration(proxyBeanMethods = false)
class ProviderSecrets {

    @Bean
    ProviderWebhookSecrets providerWebhookSecrets(DevelopmentSecrets secrets,
                                                  @Value("${pantrade.payments.webhook.secrets:}") String configured) {
        String secretList = secrets.configuredOrGenerated(configured, "webhook.secret",
                "PANTRADE_PAYMENTS_WEBHOOK_SECRETS");
        return new ProviderWebhookSecrets(Arrays.stream(secretList.split(","))
                .map(String::strip)
                .filter(secret -> !secret.isEmpty())
                .map(WebhookSecret::of)
                .toList());
    }
}
