package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** An engine whose clients may send three batches of interactions, then one a minute. */
class InteractionRateLimitTest {

    private static final String VIEW = "{\"customerId\":\"" + UUID.randomUUID()
            + "\",\"interactions\":[{\"type\":\"VIEW\",\"sku\":\"A\"}]}";

    private static Engine engine;

    @BeforeAll
    static void start() {
        engine = Engine.start(Path.of("target", "engine-test-data", UUID.randomUUID().toString()),
                "pantrade.interactions.rate-limit.per-second=0.0167", "pantrade.interactions.rate-limit.burst=3");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void a_client_over_its_rate_gets_a_429_with_retry_after_and_other_clients_do_not() {
        Http http = engine.unsignedHttp();
        Map<String, String> shop = Map.of("Pantrade-Client", "shop-web");
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/interactions", UUID.randomUUID().toString(), VIEW, shop).status()).isEqualTo(202);
        }

        Reply refused = http.post("/api/interactions", UUID.randomUUID().toString(), VIEW, shop);

        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.retryAfter())).isBetween(50L, 61L);
        assertThat(http.post("/api/interactions", UUID.randomUUID().toString(), VIEW,
                Map.of("Pantrade-Client", "shop-app")).status()).isEqualTo(202);
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/interactions", UUID.randomUUID().toString(), VIEW, Map.of()).status())
                    .isEqualTo(202);
        }
        assertProblem(http.post("/api/interactions", UUID.randomUUID().toString(), VIEW, Map.of()), 429, "rate-limited");
    }

    @Test
    void the_rate_limit_is_for_interactions_only() {
        Http http = engine.unsignedHttp();
        Map<String, String> client = Map.of("Pantrade-Client", "catalogue-" + UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/products", UUID.randomUUID().toString(),
                    "{\"sku\":\"S" + i + "\",\"name\":\"n\",\"category\":\"c\"}", client).status()).isEqualTo(202);
        }
    }
}
