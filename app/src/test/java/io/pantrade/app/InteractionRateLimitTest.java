package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import io.pantrade.kernel.crypto.ClientKeys;
import io.pantrade.kernel.crypto.RequestSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine whose clients may send three batches of interactions, then one a minute. A client is
 * who signed the request, else the remote address: all of these tests send from 127.0.0.1.
 */
class InteractionRateLimitTest {

    private static final String VIEW = "{\"customerId\":\"" + UUID.randomUUID()
            + "\",\"interactions\":[{\"type\":\"VIEW\",\"sku\":\"A\"}]}";
    private static final KeyPair SHOP_APP = ClientKeys.newEd25519();

    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = Engine.start(Path.of("target", "engine-test-data", UUID.randomUUID().toString()),
                "pantrade.interactions.rate-limit.per-second=0.0167", "pantrade.interactions.rate-limit.burst=3",
                "pantrade.signing.clients.shop-app=" + ClientKeys.base64Spki(SHOP_APP.getPublic()));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void a_signed_client_over_its_rate_gets_a_429_with_retry_after_and_other_clients_do_not() {
        Http shopWeb = engine.http();
        for (int i = 0; i < 3; i++) {
            assertThat(shopWeb.post("/api/interactions", VIEW).status()).isEqualTo(202);
        }

        Reply refused = shopWeb.post("/api/interactions", VIEW);

        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(50L, 61L);
        Http shopApp = engine.unsignedHttp().signedAs(new RequestSigner("shop-app", SHOP_APP.getPrivate(), Clock.systemUTC()));
        assertThat(shopApp.post("/api/interactions", VIEW).status()).isEqualTo(202);
    }

    @Test
    void an_unsigned_sender_is_counted_by_its_address_whatever_client_it_names() {
        Http http = engine.unsignedHttp();
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/interactions", UUID.randomUUID().toString(), VIEW,
                    Map.of("Pantrade-Client", "named-" + i)).status()).isEqualTo(202);
        }

        assertProblem(http.post("/api/interactions", UUID.randomUUID().toString(), VIEW,
                Map.of("Pantrade-Client", "named-3")), 429, "rate-limited");
        assertProblem(http.post("/api/interactions", UUID.randomUUID().toString(), VIEW, Map.of()), 429, "rate-limited");
    }

    @Test
    void a_badly_signed_batch_is_refused() {
        Http shopApp = engine.unsignedHttp().signedAs(new RequestSigner("shop-app", ClientKeys.newEd25519().getPrivate(),
                Clock.systemUTC()));

        assertProblem(shopApp.post("/api/interactions", VIEW), 401, "signature-invalid");
    }

    @Test
    void the_rate_limit_is_for_interactions_only() {
        Http http = engine.http();
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/products", UUID.randomUUID().toString(),
                    "{\"sku\":\"S" + i + "\",\"name\":\"n\",\"category\":\"c\"}").status()).isEqualTo(202);
        }
    }
}
