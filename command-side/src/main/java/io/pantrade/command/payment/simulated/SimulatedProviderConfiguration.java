package io.pantrade.command.payment.simulated;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.command.payment.ProviderWebhook;
import io.pantrade.command.payment.ProviderWebhookSecrets;
import io.pantrade.kernel.crypto.WebhookSigner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** The built-in provider, unless {@code pantrade.payments.provider} names another. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pantrade.payments.provider", havingValue = "simulated", matchIfMissing = true)
class SimulatedProviderConfiguration {

    @Bean(destroyMethod = "close")
    WebhookDelivery simulatedWebhookDelivery(ProviderWebhookSecrets secrets, ObjectMapper json, Clock clock,
            Environment environment,
            @Value("${pantrade.payments.simulated-provider.answer-delay:PT0.05S}") Duration delay) {
        return new WebhookDelivery(() -> webhookEndpoint(environment),
                new WebhookSigner(secrets.current(), clock), json, delay);
    }

    @Bean
    SimulatedPaymentProvider simulatedPaymentProvider(WebhookDelivery webhooks, Clock clock,
            @Value("${pantrade.payments.simulated-provider.decline-above-minor:5000000}") long declineAboveMinor) {
        return new SimulatedPaymentProvider(declineAboveMinor, webhooks, clock);
    }

    /** The engine's own webhook endpoint, on the port the web server actually listens on. */
    private static URI webhookEndpoint(Environment environment) {
        String address = environment.getProperty("server.address", "127.0.0.1");
        String port = environment.getRequiredProperty("local.server.port");
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return URI.create("http://" + address + ":" + port + contextPath + ProviderWebhook.ENDPOINT);
    }
}
