package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Purchases placed as orders flow through the behaviour projection into the recommender and the
 * segmentation, all in the running engine.
 */
class RecommendationFlowTest {

    @TempDir
    Path dataDir;

    @Test
    void customers_who_bought_the_same_things_are_recommended_what_the_others_added() {
        try (Engine engine = Engine.start(dataDir, "pantrade.recommendation.refresh-interval=PT0.5S",
                "pantrade.segmentation.refresh-interval=PT0.5S")) {
            Http http = engine.http();
            for (int i = 0; i < 3; i++) {
                place(http, Orders.customer(), "KETTLE", "TEAPOT");
            }
            place(http, Orders.customer(), "LAMP");
            String newcomer = Orders.customer();
            place(http, newcomer, "KETTLE");

            JsonNode recommended = await().atMost(Duration.ofSeconds(30)).until(
                    () -> http.get("/api/recommendations/customers/" + newcomer + "?k=2"),
                    reply -> reply.status() == 200 && !skus(reply.json()).isEmpty()
                            && skus(reply.json()).get(0).equals("TEAPOT")).json();
            assertThat(recommended.path("items").get(0).path("basis").asText()).isEqualTo("SIMILAR");
            assertThat(skus(recommended)).as("bought just now, so left out").doesNotContain("KETTLE");

            JsonNode alsoBought = http.get("/api/recommendations/products/KETTLE?k=5").json();
            assertThat(skus(alsoBought)).containsExactly("TEAPOT");

            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/segments/customers/" + newcomer),
                    reply -> reply.status() == 200);
            JsonNode segments = http.get("/api/segments").json();
            int members = 0;
            for (JsonNode segment : segments.path("segments")) {
                members += segment.path("size").asInt();
            }
            assertThat(members).as("every buyer in a segment").isEqualTo(5);
        }
    }

    private static void place(Http http, String customerId, String... skus) {
        List<String> lines = new ArrayList<>();
        for (String sku : skus) {
            lines.add("{\"sku\":\"%s\",\"quantity\":1,\"unitPrice\":{\"amountMinor\":1500,\"currency\":\"EUR\"}}".formatted(sku));
        }
        Http.Reply placed = http.post("/api/orders", UUID.randomUUID().toString(), """
                {"customerId":"%s","lines":[%s],
                 "deliveryAddress":{"recipient":"Ada Lovelace","street":"12 St James's Square","city":"London",
                 "postalCode":"SW1Y 4JH","country":"GB"}}""".formatted(customerId, String.join(",", lines)));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    }

    private static List<String> skus(JsonNode recommendations) {
        List<String> skus = new ArrayList<>();
        recommendations.path("items").forEach(item -> skus.add(item.path("sku").asText()));
        return skus;
    }
}
