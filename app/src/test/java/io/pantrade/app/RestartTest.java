package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the engine and starts a new one on the same data directory, as an operator would: the
 * in-memory read models start empty and must be rebuilt, exactly, from the events in the H2 file;
 * stored cards, idempotency keys and the generated keys that open them are still there.
 */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void nothing_is_lost_and_nothing_is_projected_twice_across_a_restart() {
        List<String> customers = List.of(Orders.customer(), Orders.customer(), Orders.customer());
        List<String> orderIds = new ArrayList<>();
        String retryKey = UUID.randomUUID().toString();
        String retriedBody = Orders.order(customers.get(0), "RETRY", 1, 1, "EUR");
        Map<String, JsonNode> before;
        String firstAnswer;
        Http.Reply card;

        try (Engine engine = Engine.start(dataDir)) {
            Http http = engine.http();
            firstAnswer = http.post("/api/orders", retryKey, retriedBody).body();
            card = http.post("/api/payment-methods/cards", Cards.card(customers.get(1), Cards.freshNumber()));
            for (int i = 0; i < 30; i++) {
                orderIds.add(http.post("/api/orders",
                        Orders.order(customers.get(i % 3), "SKU-" + i, 1 + i, 100, "EUR")).field("orderId"));
            }
            for (int i = 0; i < 30; i += 3) {
                http.post("/api/orders/" + orderIds.get(i) + "/cancel", "{\"reason\":\"test " + i + "\"}");
            }
            for (int i = 1; i < 30; i += 3) {
                http.post("/api/orders/" + orderIds.get(i) + "/complete", null);
            }
            before = awaitReadModel(http, customers, 31, orderIds);
        }

        try (Engine restarted = Engine.start(dataDir)) {
            Http http = restarted.http();
            Map<String, JsonNode> after = awaitReadModel(http, customers, 31, orderIds);
            assertThat(after).isEqualTo(before);
            for (int i = 0; i < 30; i++) {
                assertThat(after.get(orderIds.get(i)).path("status").asText())
                        .isEqualTo(i % 3 == 0 ? "CANCELLED" : i % 3 == 1 ? "COMPLETED" : "PLACED");
            }

            assertThat(http.get(card.location()).body()).isEqualTo(card.body());

            Http.Reply retried = http.post("/api/orders", retryKey, retriedBody);
            assertThat(retried.replayed()).isTrue();
            assertThat(retried.body()).isEqualTo(firstAnswer);

            String newOrder = http.post("/api/orders", Orders.order(customers.get(0))).field("orderId");
            assertThat(http.post("/api/orders/" + orderIds.get(2) + "/complete", null).status()).isEqualTo(202);
            assertProblem(http.post("/api/orders/" + orderIds.get(0) + "/complete", null), 409, "order.cancelled");
            await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/orders/" + newOrder).status() == 200);
        }
    }

    /** Every order as the query API shows it, once all customers' listings are complete. */
    private static Map<String, JsonNode> awaitReadModel(Http http, List<String> customers, int expectedOrders,
                                                       List<String> orderIds) {
        await().atMost(Duration.ofSeconds(20)).until(() -> customers.stream()
                .mapToInt(customer -> http.get("/api/customers/" + customer + "/orders").json()
                        .path("totalElements").asInt()).sum() == expectedOrders);
        await().atMost(Duration.ofSeconds(20)).until(() -> orderIds.stream()
                .filter(id -> http.get("/api/orders/" + id).json().path("status").asText().equals("PLACED")).count() == 10);
        Map<String, JsonNode> orders = new LinkedHashMap<>();
        for (String customer : customers) {
            JsonNode page = http.get("/api/customers/" + customer + "/orders?size=100").json();
            page.path("content").forEach(order -> orders.put(order.path("orderId").asText(), order));
        }
        return orders;
    }
}
