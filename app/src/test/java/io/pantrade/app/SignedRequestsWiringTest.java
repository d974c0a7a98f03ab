package io.pantrade.app;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pantrade.command.signing.JdbcNonceStore;
import io.pantrade.command.signing.MongoNonceStore;
import io.pantrade.command.signing.NonceStore;
import io.pantrade.kernel.crypto.ClientKeys;
import io.pantrade.kernel.crypto.RequestSigner;
import io.pantrade.kernel.crypto.SignatureHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signing filter in the whole engine, with each mode's nonce store. No payment endpoint exists
 * in this build, so a request that gets through is answered by whatever lies behind the filter:
 * anything but a 401.
 */
class SignedRequestsWiringTest {

    private static final KeyPair SHOP_WEB = ClientKeys.newEd25519();
    private static final String CLIENT = "pantrade.signing.clients.shop-web=" + ClientKeys.base64Spki(SHOP_WEB.getPublic());
    private static final String CAPTURE = "/api/payments/" + UUID.randomUUID() + "/capture";
    private static final String BODY = "{\"amountMinor\":1250,\"currency\":\"EUR\"}";

    @TempDir
    Path dataDir;

    private final RequestSigner shopWeb = new RequestSigner("shop-web", SHOP_WEB.getPrivate(), Clock.systemUTC());

    @Test
    void the_embedded_mode_refuses_unsigned_payment_requests_and_remembers_nonces_across_a_restart() {
        SignatureHeaders signed = shopWeb.sign("POST", CAPTURE, BODY.getBytes(StandardCharsets.UTF_8));
        try (Engine engine = Engine.start(dataDir, CLIENT)) {
            assertThat(engine.bean(NonceStore.class)).isInstanceOf(JdbcNonceStore.class);
            Http http = engine.unsignedHttp();

            assertRefused(http.post(CAPTURE, BODY), "signature-missing");
            assertThat(http.post(CAPTURE, UUID.randomUUID().toString(), BODY, signed.asMap()).status()).isNotEqualTo(401);
            assertRefused(http.post(CAPTURE, UUID.randomUUID().toString(), BODY, signed.asMap()), "nonce-reused");
        }
        try (Engine restarted = Engine.start(dataDir, CLIENT)) {
            assertRefused(restarted.unsignedHttp().post(CAPTURE, UUID.randomUUID().toString(), BODY, signed.asMap()),
                    "nonce-reused");
        }
    }

    @Test
    void the_mongo_mode_keeps_nonces_in_mongodb() {
        String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
        try (Engine engine = Engine.start(dataDir, CLIENT, "pantrade.axon-state=mongo",
                "pantrade.crypto.master-key=" + masterKey, "pantrade.idempotency.fingerprint-key=" + masterKey,
                "pantrade.crypto.generate-dev-key=false")) {
            assertThat(engine.bean(NonceStore.class)).isInstanceOf(MongoNonceStore.class);
            Http http = engine.unsignedHttp();
            SignatureHeaders signed = shopWeb.sign("POST", CAPTURE, BODY.getBytes(StandardCharsets.UTF_8));

            assertRefused(http.post(CAPTURE, BODY), "signature-missing");
            assertThat(http.post(CAPTURE, UUID.randomUUID().toString(), BODY, signed.asMap()).status()).isNotEqualTo(401);
            assertRefused(http.post(CAPTURE, UUID.randomUUID().toString(), BODY, signed.asMap()), "nonce-reused");
            MongoDatabase mongo = engine.bean(MongoDatabase.class);
            assertThat(mongo.getCollection("request_nonces")
                    .countDocuments(Filters.eq("_id", "shop-web:" + signed.nonce()))).isEqualTo(1);
        }
    }

    @Test
    void a_client_key_the_engine_cannot_use_stops_the_start_naming_the_client_only() throws Exception {
        String rsa = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded());

        assertThatThrownBy(() -> Engine.start(dataDir, "pantrade.signing.clients.legacy-erp=" + rsa).close())
                .hasRootCauseMessage("pantrade.signing.clients.legacy-erp: RSA keys are not accepted: use Ed25519 or EC P-256");
    }

    private static void assertRefused(Http.Reply reply, String problem) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.field("type")).isEqualTo("urn:pantrade:problem:" + problem);
    }
}
