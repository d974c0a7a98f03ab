package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.kernel.crypto.RequestSigner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** A payment client of the engine under test: its key pair, signed calls, and request bodies. */
final class Payments {

    static final String CLIENT_ID = "test-shop";
    static final String MERCHANT_ID = "3c5d7e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    static final String VISA = "4242424242424242";
    static final String DECLINED_VISA = "4000000000000002";
    static final String FAILING_VISA = "4000000000000119";
    static final String TIMING_OUT_VISA = "4000000000000077";

    private static final KeyPair KEYS = ed25519();

    private final Http http;
    private final RequestSigner signer = signer();

    Payments(Http http) {
        this.http = http;
    }

    static RequestSigner signer() {
        return new RequestSigner(CLIENT_ID, KEYS.getPrivate(), Clock.systemUTC());
    }

    /** Shared with the engine under test, so tests can sign webhooks as the provider would. */
    static final String WEBHOOK_SECRET = "test-webhook-secret-0123456789abcdef-0123456789";

    /** Registers this client's public key and the webhook secret with an engine about to start. */
    static Map<String, String> engineProperties() {
        return Map.of("pantrade.signing.clients." + CLIENT_ID, Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                "pantrade.payments.webhook.secrets", WEBHOOK_SECRET);
    }

    Http.Reply post(String path, String idempotencyKey, String body) {
        return http.post(path, idempotencyKey, body,
                signer.sign("POST", path, body.getBytes(StandardCharsets.UTF_8)).asMap());
    }

    Http.Reply post(String path, String body) {
        return post(path, UUID.randomUUID().toString(), body);
    }

    /** @return the card's token */
    String registerCard(String customerId, String number) {
        Http.Reply reply = post("/api/payment-methods/cards", """
                {"customerId":"%s","number":"%s","expiryMonth":12,"expiryYear":2099,"holderName":"Ada Lovelace"}"""
                .formatted(customerId, number));
        if (reply.status() != 201) {
            throw new IllegalStateException("card registration failed: " + reply);
        }
        return reply.field("token");
    }

    static String authorization(String customerId, String token, long amountMinor) {
        return """
                {"orderId":"%s","customerId":"%s","merchantId":"%s","amount":{"amountMinor":%d,"currency":"EUR"},\
                "paymentMethodToken":"%s"}""".formatted(UUID.randomUUID(), customerId, MERCHANT_ID, amountMinor, token);
    }

    static String amount(long amountMinor) {
        return "{\"amount\":{\"amountMinor\":" + amountMinor + ",\"currency\":\"EUR\"}}";
    }

    static String refund(long amountMinor) {
        return "{\"amount\":{\"amountMinor\":" + amountMinor + ",\"currency\":\"EUR\"},\"reason\":\"returned\"}";
    }

    Map<String, String> headersFor(String path, String body) {
        return signer.sign("POST", path, body.getBytes(StandardCharsets.UTF_8)).asMap();
    }

    /** Waits until the payment's read model shows {@code status}; reads are eventually consistent. */
    static JsonNode awaitStatus(Http http, String paymentId, String status) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> http.get("/api/payments/" + paymentId),
                reply -> reply.status() == 200 && reply.field("status").equals(status)).json();
    }

    /** The types of a payment's history steps, oldest first. */
    static List<String> steps(JsonNode payment) {
        List<String> steps = new ArrayList<>();
        payment.path("history").forEach(step -> steps.add(step.path("type").asText()));
        return steps;
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
