package io.pantrade.command.payment.simulated;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.command.payment.ProviderWebhook;
import io.pantrade.kernel.crypto.WebhookHeader;
import io.pantrade.kernel.crypto.WebhookSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
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
    /** At most this many webhooks in flight at once; more wait their turn. */
    static final int SENDERS = 16;

    private final Supplier<URI> endpoint;
    private final WebhookSigner signer;
    private final ObjectMapper json;
    private final Duration delay;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(daemon("simulated-provider-webhooks"));
    private final ExecutorService senders = sendingPool();

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

    /**
     * Sends on the senders' pool, so a slow delivery never holds up the scheduler. Blocking sends on
     * a pool of our own rather than {@code sendAsync}: the JDK client completes every asynchronous
     * send on {@code CompletableFuture}'s default executor, which on a machine with fewer than three
     * cores starts a new thread for each task, so a thread per webhook.
     */
    private void attempt(String webhookId, byte[] body, int attempt) {
        try {
            senders.execute(() -> send(webhookId, body, attempt));
        } catch (RejectedExecutionException closing) {
            log.debug("not sending simulated webhook {}: the provider is shutting down", webhookId);
        }
    }

    private void send(String webhookId, byte[] body, int attempt) {
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
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException unreachable) {
            status = -1;
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status >= 400 && status < 500) {
            log.warn("the engine refused simulated webhook {} with {}", webhookId, status);
        } else if (status < 200 || status >= 500) {
            retryOrGiveUp(webhookId, body, attempt);
        }
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
        senders.shutdownNow();
    }

    private static ExecutorService sendingPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(SENDERS, SENDERS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon("simulated-provider-webhook-sender"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
