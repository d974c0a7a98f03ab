package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.kernel.crypto.SignatureHeaders;
import io.pantrade.kernel.crypto.WebhookSecret;
import io.pantrade.kernel.crypto.WebhookSigner;
import io.pantrade.kernel.payment.ProviderWebhookRejected;
import io.pantrade.testing.Race;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The payment API over HTTP against the built-in simulated provider, signed like a real client. */
class PaymentApiTest extends RunningEngineTest {

    @Autowired
    DataSource dataSource;

    Payments payments;
    String customer;

    @BeforeEach
    void client() {
        payments = new Payments(http);
        customer = Orders.customer();
    }

    @Nested
    class Lifecycle {

        @Test
        void authorize_capture_in_parts_and_refund_with_the_history_to_show_for_it() {
            String paymentId = authorized(10_000);

            assertThat(payments.post(capturePath(paymentId), Payments.amount(4_000)).status()).isEqualTo(202);
            assertThat(payments.post(capturePath(paymentId), Payments.amount(6_000)).status()).isEqualTo(202);
            assertThat(payments.post(refundPath(paymentId), Payments.refund(2_500)).status()).isEqualTo(202);

            JsonNode payment = awaitPayment(paymentId, "PARTIALLY_REFUNDED");
            assertThat(payment.path("authorized").path("amountMinor").asLong()).isEqualTo(10_000);
            assertThat(payment.path("captured").path("amountMinor").asLong()).isEqualTo(10_000);
            assertThat(payment.path("refunded").path("amountMinor").asLong()).isEqualTo(2_500);
            assertThat(payment.path("card").path("last4").asText()).isEqualTo("4242");
            assertThat(Payments.steps(payment)).containsExactly("REQUESTED", "AUTHORIZED", "CAPTURED", "CAPTURED", "REFUNDED");
        }

        @Test
        void a_void_releases_the_hold() {
            String paymentId = authorized(3_000);

            assertThat(payments.post("/api/payments/" + paymentId + "/void", "{\"reason\":\"customer cancelled\"}")
                    .status()).isEqualTo(202);

            assertThat(Payments.steps(awaitPayment(paymentId, "VOIDED"))).containsExactly("REQUESTED", "AUTHORIZED", "VOIDED");
        }

        @Test
        void a_declined_card_is_declined_with_its_reason_and_cannot_be_captured() {
            String token = payments.registerCard(customer, Payments.DECLINED_VISA);
            String paymentId = payments.post("/api/payments", Payments.authorization(customer, token, 1_000))
                    .field("paymentId");

            JsonNode payment = awaitPayment(paymentId, "DECLINED");
            assertThat(payment.path("history").get(1).path("reason").asText()).isEqualTo("card-declined");
            Http.Reply capture = payments.post(capturePath(paymentId), Payments.amount(1_000));
            assertThat(capture.status()).isEqualTo(409);
            assertThat(capture.field("type")).isEqualTo("urn:pantrade:problem:payment.not-authorized");
        }

        @Test
        void a_failing_card_fails() {
            String token = payments.registerCard(customer, Payments.FAILING_VISA);
            String paymentId = payments.post("/api/payments", Payments.authorization(customer, token, 1_000))
                    .field("paymentId");

            awaitPayment(paymentId, "FAILED");
        }

        @Test
        void a_provider_time_out_leaves_the_payment_unknown_until_reconciled() {
            String token = payments.registerCard(customer, Payments.TIMING_OUT_VISA);
            String paymentId = payments.post("/api/payments", Payments.authorization(customer, token, 1_000))
                    .field("paymentId");

            awaitPayment(paymentId, "UNKNOWN");
            assertThat(payments.post(capturePath(paymentId), Payments.amount(1_000)).field("type"))
                    .isEqualTo("urn:pantrade:problem:payment.authorization-pending");
        }

        @Test
        void refuses_to_capture_more_than_authorized_and_to_refund_more_than_captured() {
            String paymentId = authorized(1_000);

            assertThat(payments.post(capturePath(paymentId), Payments.amount(1_001)).field("type"))
                    .isEqualTo("urn:pantrade:problem:payment.capture-exceeds-authorization");
            payments.post(capturePath(paymentId), Payments.amount(500));
            assertThat(payments.post(refundPath(paymentId), Payments.refund(501)).field("type"))
                    .isEqualTo("urn:pantrade:problem:payment.refund-exceeds-captured");
        }

        @Test
        void an_unknown_payment_is_404_and_a_bad_id_400() {
            assertThat(http.get("/api/payments/" + UUID.randomUUID()).status()).isEqualTo(404);
            assertThat(payments.post(capturePath(UUID.randomUUID().toString()), Payments.amount(1)).status())
                    .isEqualTo(404);
            assertThat(http.get("/api/payments/not-a-uuid").status()).isEqualTo(400);
        }

        @Test
        void bad_input_is_a_field_level_400() {
            String paymentId = authorized(1_000);
            Http.Reply fractional = payments.post(capturePath(paymentId),
                    "{\"amount\":{\"amountMinor\":1.5,\"currency\":\"EUR\"}}");
            assertThat(fractional.status()).isEqualTo(400);
            Http.Reply noCurrency = payments.post(capturePath(paymentId), "{\"amount\":{\"amountMinor\":1}}");
            assertThat(noCurrency.status()).isEqualTo(400);
            assertThat(noCurrency.json().path("errors").toString()).contains("amount.currency");
            Http.Reply noToken = payments.post("/api/payments", Payments.authorization(customer, "", 100));
            assertThat(noToken.status()).isEqualTo(400);
            assertThat(noToken.json().path("errors").toString()).contains("paymentMethodToken");
        }

        @Test
        void a_card_of_another_customer_cannot_pay() {
            String token = payments.registerCard(Orders.customer(), Payments.VISA);

            Http.Reply reply = payments.post("/api/payments", Payments.authorization(customer, token, 100));

            assertThat(reply.status()).isEqualTo(422);
            assertThat(reply.field("type")).isEqualTo("urn:pantrade:problem:card.not-owned-by-customer");
        }
    }

    @Nested
    class Idempotency {

        @Test
        void the_same_key_and_body_answer_the_first_result_and_authorize_once() {
            String token = payments.registerCard(customer, Payments.VISA);
            String body = Payments.authorization(customer, token, 2_000);
            String key = UUID.randomUUID().toString();

            Http.Reply first = payments.post("/api/payments", key, body);
            Http.Reply retry = payments.post("/api/payments", key, body);

            assertThat(first.status()).isEqualTo(202);
            assertThat(retry.status()).isEqualTo(202);
            assertThat(retry.replayed()).isTrue();
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(Payments.steps(awaitPayment(first.field("paymentId"), "AUTHORIZED"))).containsExactly("REQUESTED", "AUTHORIZED");
        }

        @Test
        void the_same_key_with_another_body_is_422() {
            String paymentId = authorized(2_000);
            String key = UUID.randomUUID().toString();
            payments.post(capturePath(paymentId), key, Payments.amount(100));

            Http.Reply other = payments.post(capturePath(paymentId), key, Payments.amount(200));

            assertThat(other.status()).isEqualTo(422);
            assertThat(other.field("type")).isEqualTo("urn:pantrade:problem:idempotency-key-reused");
            assertThat(awaitPayment(paymentId, "CAPTURED").path("captured").path("amountMinor").asLong()).isEqualTo(100);
        }
    }

    @Nested
    class SignedRequests {

        String path;
        String body;

        @BeforeEach
        void aCapture() {
            path = capturePath(authorized(1_000));
            body = Payments.amount(100);
        }

        @Test
        void a_bad_signature_is_401_and_changes_nothing() {
            Map<String, String> headers = new HashMap<>(payments.headersFor(path, body));
            headers.put(SignatureHeaders.SIGNATURE, payments.headersFor(path, Payments.amount(999))
                    .get(SignatureHeaders.SIGNATURE));

            expectRefused(http.post(path, UUID.randomUUID().toString(), body, headers), "signature-invalid");
        }

        @Test
        void an_unknown_client_is_401() {
            Map<String, String> headers = new HashMap<>(payments.headersFor(path, body));
            headers.put(SignatureHeaders.CLIENT, "somebody-else");

            expectRefused(http.post(path, UUID.randomUUID().toString(), body, headers), "client-unknown");
        }

        @Test
        void a_stale_timestamp_is_401() {
            Map<String, String> headers = new HashMap<>(payments.headersFor(path, body));
            headers.put(SignatureHeaders.TIMESTAMP, Long.toString(Instant.now().minusSeconds(301).getEpochSecond()));

            expectRefused(http.post(path, UUID.randomUUID().toString(), body, headers), "timestamp-stale");
        }

        @Test
        void a_replayed_nonce_is_401() {
            Map<String, String> headers = payments.headersFor(path, body);
            assertThat(http.post(path, UUID.randomUUID().toString(), body, headers).status()).isEqualTo(202);

            Http.Reply replay = http.post(path, UUID.randomUUID().toString(), body, headers);

            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.field("type")).isEqualTo("urn:pantrade:problem:nonce-reused");
            assertThat(awaitPayment(path.split("/")[3], "CAPTURED").path("captured").path("amountMinor").asLong())
                    .isEqualTo(100);
        }

        @Test
        void an_unsigned_request_is_401() {
            expectRefused(new Http(port).post(path, UUID.randomUUID().toString(), body), "signature-missing");
        }

        private void expectRefused(Http.Reply reply, String type) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.field("type")).isEqualTo("urn:pantrade:problem:" + type);
            assertThat(awaitPayment(path.split("/")[3], "AUTHORIZED").path("captured").path("amountMinor").asLong())
                    .isZero();
        }
    }

    @Nested
    class Webhooks {

        private final WebhookSigner provider = new WebhookSigner(WebhookSecret.of(Payments.WEBHOOK_SECRET),
                Clock.systemUTC());

        @Test
        void a_webhook_with_a_bad_hmac_is_rejected_recorded_and_not_applied() {
            String paymentId = waitingForever();
            String body = webhook(paymentId, "APPROVED");
            String forged = new WebhookSigner(WebhookSecret.of("another-secret-0123456789abcdef-0123456789"),
                    Clock.systemUTC()).sign(bytes(body));

            expectRejected(() -> sendWebhook(body, forged), 401, "webhook-bad-signature", paymentId);
        }

        @Test
        void a_stale_webhook_is_rejected() {
            String paymentId = waitingForever();
            String body = webhook(paymentId, "APPROVED");
            String stale = provider.sign(bytes(body), Instant.now().minusSeconds(600).getEpochSecond());

            expectRejected(() -> sendWebhook(body, stale), 401, "webhook-stale", paymentId);
        }

        @Test
        void an_unsigned_webhook_is_rejected() {
            String paymentId = waitingForever();

            expectRejected(() -> sendWebhook(webhook(paymentId, "APPROVED"), null), 401, "webhook-missing-signature",
                    paymentId);
        }

        @Test
        void a_replayed_webhook_is_rejected_and_the_first_one_applied_once() {
            String paymentId = waitingForever();
            String body = webhook(paymentId, "DECLINED");
            String signature = provider.sign(bytes(body));
            assertThat(sendWebhook(body, signature).status()).isEqualTo(204);
            long rejectedBefore = rejectedWebhooks();

            Http.Reply replay = sendWebhook(body, signature);

            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.field("type")).isEqualTo("urn:pantrade:problem:webhook-replayed");
            assertThat(rejectedWebhooks()).isEqualTo(rejectedBefore + 1);
            assertThat(Payments.steps(awaitPayment(paymentId, "DECLINED"))).containsExactly("REQUESTED", "UNKNOWN", "DECLINED");
        }

        /** A payment whose provider call timed out: no webhook of the simulated provider will come. */
        private String waitingForever() {
            String token = payments.registerCard(customer, Payments.TIMING_OUT_VISA);
            String paymentId = payments.post("/api/payments", Payments.authorization(customer, token, 700))
                    .field("paymentId");
            awaitPayment(paymentId, "UNKNOWN");
            return paymentId;
        }

        private void expectRejected(Supplier<Http.Reply> send, int status, String type, String paymentId) {
            long before = rejectedWebhooks();
            Http.Reply reply = send.get();
            assertThat(reply.status()).isEqualTo(status);
            assertThat(reply.field("type")).isEqualTo("urn:pantrade:problem:" + type);
            assertThat(rejectedWebhooks()).isEqualTo(before + 1);
            assertThat(Payments.steps(awaitPayment(paymentId, "UNKNOWN"))).containsExactly("REQUESTED", "UNKNOWN");
        }

        private Http.Reply sendWebhook(String body, String signature) {
            Map<String, String> headers = signature == null ? Map.of() : Map.of("Pantrade-Webhook-Signature", signature);
            return http.post("/api/psp/webhooks", null, body, headers);
        }

        private String webhook(String paymentId, String outcome) {
            return """
                    {"id":"whk_%s","paymentId":"%s","outcome":"%s","providerReference":"psp_%s","reason":"card-declined",\
                    "createdAt":"%s"}""".formatted(UUID.randomUUID(), paymentId, outcome, paymentId, Instant.now());
        }
    }

    @Test
    void a_hundred_concurrent_captures_never_take_more_than_was_authorized() throws Exception {
        String paymentId = authorized(5_000);

        List<Integer> statuses = Race.of(100, i -> payments.post(capturePath(paymentId), Payments.amount(100)).status());

        assertThat(statuses).filteredOn(status -> status == 202).hasSize(50);
        assertThat(statuses).filteredOn(status -> status == 422).hasSize(50);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode payment = http.get("/api/payments/" + paymentId).json();
            assertThat(payment.path("captured").path("amountMinor").asLong()).isEqualTo(5_000);
            assertThat(Payments.steps(payment)).filteredOn("CAPTURED"::equals).hasSize(50);
        });
    }

    @Test
    void the_openapi_document_describes_the_payment_api_and_its_signature_headers() {
        JsonNode paths = http.get("/v3/api-docs").json().path("paths");

        assertThat(paths.has("/api/payments/{paymentId}/capture")).isTrue();
        assertThat(paths.has("/api/psp/webhooks")).isTrue();
        assertThat(headers(paths.path("/api/payments/{paymentId}/refund").path("post")))
                .contains("Idempotency-Key", "Pantrade-Client", "Pantrade-Timestamp", "Pantrade-Nonce", "Pantrade-Signature");
        assertThat(headers(paths.path("/api/orders").path("post"))).doesNotContain("Pantrade-Signature");
    }

    private static List<String> headers(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> names.add(parameter.path("name").asText()));
        return names;
    }

    // --- helpers ------------------------------------------------------------------------------

    private String authorized(long amountMinor) {
        String token = payments.registerCard(customer, Payments.VISA);
        Http.Reply reply = payments.post("/api/payments", Payments.authorization(customer, token, amountMinor));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String paymentId = reply.field("paymentId");
        awaitPayment(paymentId, "AUTHORIZED");
        return paymentId;
    }

    private JsonNode awaitPayment(String paymentId, String status) {
        return Payments.awaitStatus(http, paymentId, status);
    }

    /** Events with no aggregate are stored like the others, in Axon's default event table. */
    private long rejectedWebhooks() {
        return new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType = ?", Long.class,
                ProviderWebhookRejected.class.getName());
    }

    private static String capturePath(String paymentId) {
        return "/api/payments/" + paymentId + "/capture";
    }

    private static String refundPath(String paymentId) {
        return "/api/payments/" + paymentId + "/refund";
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
