package io.pantrade.command.payment.simulated;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pantrade.command.payment.ProviderWebhook;
import io.pantrade.kernel.crypto.WebhookHeader;
import io.pantrade.kernel.crypto.WebhookSecret;
import io.pantrade.kernel.crypto.WebhookSigner;
import io.pantrade.kernel.crypto.WebhookVerdict;
import io.pantrade.kernel.crypto.WebhookVerifier;
import io.pantrade.kernel.payment.AuthorizationOutcome;
import io.pantrade.kernel.payment.PaymentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulated provider's webhooks, delivered over a real socket to a stand-in for the engine. */
class WebhookDeliveryTest {

    private static final WebhookSecret SECRET = WebhookSecret.of("a-webhook-secret-of-at-least-32-bytes");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final WebhookVerifier verifier = new WebhookVerifier(List.of(SECRET), WebhookVerifier.DEFAULT_TOLERANCE,
            Clock.systemUTC());
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Set<String> refuseFirstAttempt = ConcurrentHashMap.newKeySet();
    private final AtomicInteger badlySigned = new AtomicInteger();
    private ThreadPoolExecutor engineThreads;
    private HttpServer engine;
    private WebhookDelivery delivery;

    @BeforeEach
    void startEngineStandIn() throws IOException {
        engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        engine.createContext(ProviderWebhook.ENDPOINT, this::receive);
        engineThreads = new ThreadPoolExecutor(4, 4, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        engineThreads.prestartAllCoreThreads();
        engine.setExecutor(engineThreads);
        engine.start();
        URI endpoint = URI.create("http://127.0.0.1:" + engine.getAddress().getPort() + ProviderWebhook.ENDPOINT);
        delivery = new WebhookDelivery(() -> endpoint, new WebhookSigner(SECRET, Clock.systemUTC()), JSON, Duration.ZERO);
    }

    @AfterEach
    void stop() {
        delivery.close();
        engine.stop(0);
        engineThreads.shutdownNow();
    }

    @Test
    void everyWebhookArrivesOnceSignedWithoutAThreadPerWebhook() {
        int webhooks = 300;
        long threadsBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();

        for (int i = 0; i < webhooks; i++) {
            delivery.deliverLater(webhook("wh-" + i));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == webhooks);
        long threadsStarted = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - threadsBefore;
        assertThat(received.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(badlySigned).hasValue(0);
        assertThat(threadsStarted)
                .as("threads started to deliver %d webhooks (%d senders, plus the HTTP client's own)", webhooks,
                        WebhookDelivery.SENDERS)
                .isLessThan(webhooks / 3);
    }

    @Test
    void aWebhookAnswered5xxIsSentAgain() {
        refuseFirstAttempt.add("wh-retried");

        delivery.deliverLater(webhook("wh-retried"));
        delivery.deliverLater(webhook("wh-once"));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.containsKey("wh-retried")
                && received.get("wh-retried").get() == 2);
        assertThat(received.get("wh-once")).hasValue(1);
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (verifier.verify(exchange.getRequestHeaders().getFirst(WebhookHeader.NAME), body) != WebhookVerdict.VALID) {
            badlySigned.incrementAndGet();
        }
        String id = JSON.readTree(body).path("id").asText();
        int attempt = received.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        exchange.sendResponseHeaders(attempt == 1 && refuseFirstAttempt.contains(id) ? 503 : 204, -1);
        exchange.close();
    }

    private static ProviderWebhook webhook(String id) {
        return new ProviderWebhook(id, new PaymentId(UUID.nameUUIDFromBytes(id.getBytes()).toString()), AuthorizationOutcome.APPROVED, "ref-" + id, null,
                Instant.now());
    }
}
