package io.pantrade.command.payment.simulated;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.command.payment.ProviderWebhook;
import io.pantrade.kernel.crypto.WebhookHeader;
import io.pantrade.kernel.crypto.WebhookSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Delivers the simulated provider's webhooks to the engine over HTTP, signed, like a provider
 * would: after a delay, and again with growing pauses while the engine answers 5xx or cannot be
 * reached. A 2xx or 4xx answer ends the delivery (a 4xx will not change by retrying).
 */
public class WebhookDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final int ATTEMPTS = 8;

    private final Supplier<URI> endpoint;
    private final WebhookSigner signer;
    private final ObjectMapper json;
    private final Duration delay;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulated-provider-webhooks");
        thread.setDaemon(true);
        return thread;
    });

    /** @param endpoint where webhooks go; known only once the web server listens */
    public WebhookDelivery(Supplier<URI> endpoint, WebhookSigner signer, ObjectMapper json, Duration delay) {
        this.endpoint = endpoint;
        this.signer = signer;
        this.json = json;
        this.delay = delay;
    }

    void deliverLater(ProviderWebhook webhook) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(webhook);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a webhook always serialises", impossible);
        }
        scheduler.schedule(() -> attempt(webhook.id(), body, 1), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends without waiting for the answer, so one slow delivery never holds up the others. */
    private void attempt(String webhookId, byte[] body, int attempt) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(endpoint.get())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookHeader.NAME, signer.sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (RuntimeException noEndpointYet) {
            retryOrGiveUp(webhookId, body, attempt);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = failure == null ? response.statusCode() : -1;
            if (status >= 400 && status < 500) {
                log.warn("the engine refused simulated webhook {} with {}", webhookId, status);
            } else if (status < 200 || status >= 500) {
                retryOrGiveUp(webhookId, body, attempt);
            }
        });
    }

    private void retryOrGiveUp(String webhookId, byte[] body, int attempt) {
        if (attempt == ATTEMPTS) {
            log.warn("gave up delivering simulated webhook {} after {} attempts; reconciliation will settle it",
                    webhookId, ATTEMPTS);
            return;
        }
        long pause = delay.toMillis() + (250L << attempt);
        try {
            scheduler.schedule(() -> attempt(webhookId, body, attempt + 1), pause, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            log.debug("not retrying simulated webhook {}: the provider is shutting down", webhookId);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
