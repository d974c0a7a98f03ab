package io.pantrade.command.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.kernel.crypto.CanonicalRequest;
import io.pantrade.kernel.crypto.ClientKeys;
import io.pantrade.kernel.crypto.RequestSigner;
import io.pantrade.kernel.crypto.SignatureHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing filter as the command side registers it, between the body limit and idempotency,
 * over real HTTP, in front of an endpoint that records every call it gets.
 */
@SpringBootTest(classes = SignedEndpointApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pantrade.http.max-body-size=1KB")
class SignedRequestFilterTest {

    private static final KeyPair SHOP_WEB = ClientKeys.newEd25519();
    private static final KeyPair POS = ClientKeys.newP256();
    private static final String CAPTURE = "/api/payments/7c9e6679-7425-40de-944b-e07fc1f90ae7/capture";
    private static final String BODY = "{\"amountMinor\":1250,\"currency\":\"EUR\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void clients(DynamicPropertyRegistry registry) {
        registry.add("pantrade.signing.clients.shop-web", () -> ClientKeys.base64Spki(SHOP_WEB.getPublic()));
        registry.add("pantrade.signing.clients.pos-7", () -> ClientKeys.base64Spki(POS.getPublic()));
    }

    @LocalServerPort
    int port;

    @Autowired
    SignedEndpointApp.Endpoint endpoint;

    @Autowired
    NonceStore nonces;

    @Autowired
    SigningConfiguration configuration;

    private final HttpClient http = HttpClient.newHttpClient();
    private final RequestSigner shopWeb = signer("shop-web", SHOP_WEB, Clock.systemUTC());

    @BeforeEach
    void forgetCalls() {
        endpoint.calls.clear();
    }

    @Test
    void a_request_signed_with_ed25519_reaches_the_endpoint_with_its_client_id_and_body() {
        Reply reply = post(CAPTURE, BODY, shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(endpoint.calls).containsExactly(new SignedEndpointApp.Call(CAPTURE, "shop-web", BODY));
    }

    @Test
    void a_p256_client_may_sign_in_der_or_in_the_64_byte_p1363_form_of_webcrypto() throws Exception {
        RequestSigner pos = signer("pos-7", POS, Clock.systemUTC());
        long now = Instant.now().getEpochSecond();
        String nonce = RequestSigner.newNonce();
        Signature webCrypto = Signature.getInstance("SHA256withECDSAinP1363Format");
        webCrypto.initSign(POS.getPrivate());
        webCrypto.update(CanonicalRequest.of("POST", CAPTURE, now, nonce, BODY.getBytes(UTF_8)));
        String p1363 = Base64.getEncoder().encodeToString(webCrypto.sign());

        assertThat(post(CAPTURE, BODY, pos.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap()).status()).isEqualTo(200);
        assertThat(post(CAPTURE, BODY, new SignatureHeaders("pos-7", now, nonce, p1363).asMap()).status()).isEqualTo(200);
        assertThat(endpoint.calls).extracting(SignedEndpointApp.Call::client).containsExactly("pos-7", "pos-7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pantrade-Client", "Pantrade-Timestamp", "Pantrade-Nonce", "Pantrade-Signature"})
    void a_missing_signature_header_is_named(String header) {
        Map<String, String> headers = shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap();
        headers.remove(header);

        Reply reply = post(CAPTURE, BODY, headers);

        assertRefused(reply, "signature-missing");
        assertThat(reply.json().path("errors")).hasSize(1);
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo(header);
        assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("is required");
    }

    @Test
    void an_unsigned_request_has_every_header_named() {
        Reply reply = post(CAPTURE, BODY, Map.of());

        assertRefused(reply, "signature-missing");
        assertThat(reply.json().path("errors").findValuesAsText("field"))
                .containsExactly("Pantrade-Client", "Pantrade-Timestamp", "Pantrade-Nonce", "Pantrade-Signature");
    }

    @Test
    void malformed_signature_headers_are_each_named() {
        Map<String, String> headers = new LinkedHashMap<>(shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap());
        headers.put("Pantrade-Client", "Shop Web");
        headers.put("Pantrade-Timestamp", "2025-03-01T10:00:00Z");
        headers.put("Pantrade-Nonce", "short");
        headers.put("Pantrade-Signature", "not*base64");

        Reply reply = post(CAPTURE, BODY, headers);

        assertRefused(reply, "signature-missing");
        assertThat(reply.json().path("errors").findValuesAsText("field"))
                .containsExactly("Pantrade-Client", "Pantrade-Timestamp", "Pantrade-Nonce", "Pantrade-Signature");
        assertThat(reply.json().path("errors").findValuesAsText("message")).noneMatch(m -> m.contains("required"));
    }

    @Test
    void a_client_without_a_registered_key_is_refused() {
        RequestSigner outsider = signer("outsider", ClientKeys.newEd25519(), Clock.systemUTC());

        assertRefused(post(CAPTURE, BODY, outsider.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap()), "client-unknown");
    }

    @Test
    void a_timestamp_further_than_the_tolerance_either_way_is_refused() {
        for (Duration skew : new Duration[]{Duration.ofMinutes(-6), Duration.ofMinutes(6)}) {
            RequestSigner skewed = signer("shop-web", SHOP_WEB, Clock.offset(Clock.systemUTC(), skew));

            assertRefused(post(CAPTURE, BODY, skewed.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap()), "timestamp-stale");
        }
        for (Duration skew : new Duration[]{Duration.ofMinutes(-4), Duration.ofMinutes(4)}) {
            RequestSigner skewed = signer("shop-web", SHOP_WEB, Clock.offset(Clock.systemUTC(), skew));

            assertThat(post(CAPTURE, BODY, skewed.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap()).status())
                    .as("%s", skew).isEqualTo(200);
        }
    }

    @Test
    void a_request_other_than_the_one_signed_is_refused() {
        String refund = CAPTURE.replace("capture", "refund");
        String otherBody = BODY.replace("1250", "9250");

        assertRefused(post(CAPTURE, otherBody, shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap()),
                "signature-invalid");
        assertRefused(post(refund, BODY, shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap()),
                "signature-invalid");
        assertRefused(post(CAPTURE + "?full=true", BODY, shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap()),
                "signature-invalid");
        assertRefused(send("PUT", CAPTURE, BODY, shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap()),
                "signature-invalid");
        assertThat(post(CAPTURE + "?full=true", BODY,
                shopWeb.sign("POST", CAPTURE + "?full=true", BODY.getBytes(UTF_8)).asMap()).status()).isEqualTo(200);
    }

    @Test
    void a_signature_made_with_another_key_than_the_clients_is_refused() {
        RequestSigner impostor = signer("shop-web", ClientKeys.newEd25519(), Clock.systemUTC());

        assertRefused(post(CAPTURE, BODY, impostor.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap()),
                "signature-invalid");
    }

    @Test
    void a_replayed_request_is_refused() {
        Map<String, String> headers = shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap();
        assertThat(post(CAPTURE, BODY, headers).status()).isEqualTo(200);
        endpoint.calls.clear();

        assertRefused(post(CAPTURE, BODY, headers), "nonce-reused");
    }

    @Test
    void a_nonce_is_not_used_up_by_a_request_whose_signature_fails() {
        long now = Instant.now().getEpochSecond();
        String nonce = RequestSigner.newNonce();
        SignatureHeaders genuine = shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8), now, nonce);
        Map<String, String> forged = new SignatureHeaders("shop-web", now, nonce,
                signer("shop-web", ClientKeys.newEd25519(), Clock.systemUTC())
                        .sign("POST", CAPTURE, BODY.getBytes(UTF_8), now, nonce).signature()).asMap();

        assertRefused(post(CAPTURE, BODY, forged), "signature-invalid");
        assertThat(post(CAPTURE, BODY, genuine.asMap()).status()).isEqualTo(200);
    }

    @Test
    void each_client_has_its_own_nonces() {
        long now = Instant.now().getEpochSecond();
        String nonce = RequestSigner.newNonce();
        RequestSigner pos = signer("pos-7", POS, Clock.systemUTC());

        assertThat(post(CAPTURE, BODY, shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8), now, nonce).asMap()).status())
                .isEqualTo(200);
        assertThat(post(CAPTURE, BODY, pos.sign("POST", CAPTURE, BODY.getBytes(UTF_8), now, nonce).asMap()).status())
                .isEqualTo(200);
    }

    /** If idempotency ran first, the 401 would be stored as the key's answer and replayed to the genuine retry. */
    @Test
    void a_refused_request_does_not_claim_its_idempotency_key() {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, String> forged = new LinkedHashMap<>(
                signer("shop-web", ClientKeys.newEd25519(), Clock.systemUTC()).sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap());
        forged.put("Idempotency-Key", idempotencyKey);
        Map<String, String> genuine = new LinkedHashMap<>(shopWeb.sign("POST", CAPTURE, BODY.getBytes(UTF_8)).asMap());
        genuine.put("Idempotency-Key", idempotencyKey);

        assertRefused(send("POST", CAPTURE, BODY, forged), "signature-invalid");
        Reply reply = send("POST", CAPTURE, BODY, genuine);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Idempotent-Replayed")).isNull();
        assertThat(endpoint.calls).hasSize(1);
    }

    @Test
    void an_oversized_body_is_refused_by_the_body_limit_before_the_signature_is_read() {
        Reply reply = post(CAPTURE, "x".repeat(2048), Map.of());

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:pantrade:problem:payload-too-large");
        assertThat(endpoint.calls).isEmpty();
    }

    @Test
    void reads_and_paths_outside_the_protected_ones_need_no_signature() {
        assertThat(send("GET", "/api/payments/p-1", null, Map.of()).status()).isEqualTo(200);
        assertThat(post("/api/orders", BODY, Map.of()).status()).isEqualTo(200);
        assertThat(endpoint.calls).hasSize(2);
    }

    @Test
    void a_signature_sent_to_an_unprotected_path_is_checked_and_names_its_client() {
        String orders = "/api/orders";
        Map<String, String> signedForAnotherBody = shopWeb.sign("POST", orders, "{}".getBytes(UTF_8)).asMap();

        assertRefused(post(orders, BODY, signedForAnotherBody), "signature-invalid");
        assertThat(post(orders, BODY, shopWeb.sign("POST", orders, BODY.getBytes(UTF_8)).asMap()).status()).isEqualTo(200);
        assertThat(post(orders, BODY, Map.of(SignatureHeaders.CLIENT, "shop-web")).status()).isEqualTo(200);

        assertThat(endpoint.calls).containsExactly(new SignedEndpointApp.Call(orders, "shop-web", BODY),
                new SignedEndpointApp.Call(orders, null, BODY));
    }

    @Test
    void every_state_changing_method_under_a_protected_path_must_be_signed() {
        for (String method : new String[]{"PUT", "PATCH", "DELETE"}) {
            assertRefused(send(method, "/api/payments/p-1", BODY, Map.of()), "signature-missing");
        }
        assertRefused(post("/api/payment-methods", BODY, Map.of()), "signature-missing");

        assertThat(send("DELETE", "/api/payments/p-1", null,
                shopWeb.sign("DELETE", "/api/payments/p-1", null).asMap()).status()).isEqualTo(200);
        assertThat(post("/api/payment-methods", BODY,
                shopWeb.sign("POST", "/api/payment-methods", BODY.getBytes(UTF_8)).asMap()).status()).isEqualTo(200);
    }

    @Test
    void a_percent_encoded_protected_path_is_protected_and_signed_as_sent() {
        String encoded = "/api/%70ayments/p-1/capture";

        assertRefused(post(encoded, BODY, Map.of()), "signature-missing");
        assertThat(post(encoded, BODY, shopWeb.sign("POST", encoded, BODY.getBytes(UTF_8)).asMap()).status()).isEqualTo(200);
        assertThat(endpoint.calls).extracting(SignedEndpointApp.Call::client).containsExactly("shop-web");
    }

    @Test
    void nonces_older_than_twice_the_tolerance_are_purged_and_younger_ones_kept() {
        Instant now = Instant.now();
        String expired = RequestSigner.newNonce();
        String kept = RequestSigner.newNonce();
        nonces.useOnce("shop-web", expired, now.minus(Duration.ofMinutes(11)));
        nonces.useOnce("shop-web", kept, now.minus(Duration.ofMinutes(9)));

        configuration.purgeExpiredNonces();

        assertThat(nonces.useOnce("shop-web", expired, now)).isTrue();
        assertThat(nonces.useOnce("shop-web", kept, now)).isFalse();
    }

    private void assertRefused(Reply reply, String problem) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Pantrade-Signature");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:pantrade:problem:" + problem);
        assertThat(reply.json().path("status").asInt()).isEqualTo(401);
        assertThat(endpoint.calls).as("calls that reached the endpoint").isEmpty();
    }

    private static RequestSigner signer(String client, KeyPair pair, Clock clock) {
        return new RequestSigner(client, pair.getPrivate(), clock);
    }

    private Reply post(String path, String body, Map<String, String> headers) {
        Map<String, String> withKey = new LinkedHashMap<>(headers);
        withKey.putIfAbsent("Idempotency-Key", UUID.randomUUID().toString());
        return send("POST", path, body, withKey);
    }

    private Reply send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        try {
            return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Reply(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }
    }
}
