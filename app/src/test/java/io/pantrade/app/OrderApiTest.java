package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.app.Http.Reply;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OrderApiTest extends RunningEngineTest {

    @Test
    void a_placed_order_can_be_read_back_with_its_address_and_total() {
        String customer = Orders.customer();
        Reply placed = http.post("/api/orders", Orders.order(customer, "SKU-9", 3, 250, "EUR"));
        assertThat(placed.status()).isEqualTo(201);
        String orderId = placed.field("orderId");

        JsonNode order = awaitOrder(orderId);
        assertThat(order.path("status").asText()).isEqualTo("PLACED");
        assertThat(order.path("customerId").asText()).isEqualTo(customer);
        assertThat(order.path("total").path("amountMinor").asLong()).isEqualTo(750);
        assertThat(order.path("total").path("currency").asText()).isEqualTo("EUR");
        assertThat(order.path("lines").get(0).path("sku").asText()).isEqualTo("SKU-9");
        assertThat(order.path("deliveryAddress").path("recipient").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void a_customers_orders_come_newest_first_in_pages() {
        String customer = Orders.customer();
        var ids = IntStream.range(0, 5)
                .mapToObj(i -> http.post("/api/orders", Orders.order(customer, "SKU-" + i, 1, 100, "EUR")).field("orderId"))
                .toList();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/api/customers/" + customer + "/orders?size=2").json().path("totalElements").asInt() == 5);

        JsonNode first = http.get("/api/customers/" + customer + "/orders?page=0&size=2").json();
        JsonNode last = http.get("/api/customers/" + customer + "/orders?page=2&size=2").json();
        assertThat(first.path("totalPages").asInt()).isEqualTo(3);
        assertThat(first.path("content").get(0).path("orderId").asText()).isEqualTo(ids.get(4));
        assertThat(first.path("content").get(1).path("orderId").asText()).isEqualTo(ids.get(3));
        assertThat(last.path("content")).hasSize(1);
        assertThat(last.path("content").get(0).path("orderId").asText()).isEqualTo(ids.get(0));
        assertThat(http.get("/api/customers/" + customer + "/orders?page=9").json().path("content")).isEmpty();
    }

    @Test
    void a_retry_with_the_same_key_and_body_gets_the_first_answer_and_places_nothing_new() {
        String customer = Orders.customer();
        String key = UUID.randomUUID().toString();
        Reply first = http.post("/api/orders", key, Orders.order(customer));
        Reply retry = http.post("/api/orders", key, Orders.order(customer));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.body()).isEqualTo(first.body());
        awaitOrder(first.field("orderId"));
        assertThat(http.get("/api/customers/" + customer + "/orders").json().path("totalElements").asInt()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused_with_422() {
        String customer = Orders.customer();
        String key = UUID.randomUUID().toString();
        http.post("/api/orders", key, Orders.order(customer, "SKU-1", 1, 100, "EUR"));
        Reply reused = http.post("/api/orders", key, Orders.order(customer, "SKU-1", 2, 100, "EUR"));

        assertProblem(reused, 422, "idempotency-key-reused");
    }

    @Test
    void a_post_without_an_idempotency_key_is_refused() {
        assertProblem(http.post("/api/orders", null, Orders.order(Orders.customer())), 400, "invalid-request");
    }

    @Test
    void malformed_json_is_a_400() {
        assertProblem(http.post("/api/orders", "{\"customerId\": "), 400, "malformed-body");
    }

    @Test
    void a_field_of_the_wrong_type_is_named() {
        Reply reply = http.post("/api/orders", Orders.order(Orders.customer()).replace("\"quantity\":2", "\"quantity\":\"two\""));
        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("lines[0].quantity");
    }

    @Test
    void a_fractional_amount_is_not_silently_truncated() {
        Reply reply = http.post("/api/orders", Orders.order(Orders.customer()).replace("\"amountMinor\":1999", "\"amountMinor\":19.99"));
        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("lines[0].unitPrice.amountMinor");
    }

    @Test
    void an_unknown_field_is_named() {
        Reply reply = http.post("/api/orders", Orders.order(Orders.customer()).replace("{\"customerId\"", "{\"coupon\":\"X\",\"customerId\""));
        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("coupon");
    }

    @Test
    void validation_errors_name_every_field() {
        Reply reply = http.post("/api/orders", """
                {"customerId":"not-a-uuid","lines":[{"sku":"","quantity":0,"unitPrice":{"amountMinor":-1,"currency":"EURO"}}],
                 "deliveryAddress":{"recipient":"A","street":"B","city":"C","postalCode":"D","country":"gb"}}""");
        assertProblem(reply, 400, "invalid-request");
        assertThat(fields(reply)).contains("customerId", "lines[0].sku", "lines[0].quantity",
                "lines[0].unitPrice.amountMinor", "lines[0].unitPrice.currency", "deliveryAddress.country");
    }

    @Test
    void an_order_without_lines_or_with_too_many_is_a_400() {
        String empty = Orders.order(Orders.customer()).replaceAll("\"lines\":\\[.*?\\]\\s*,", "\"lines\":[],");
        assertThat(fields(http.post("/api/orders", empty))).contains("lines");

        String line = "{\"sku\":\"S\",\"quantity\":1,\"unitPrice\":{\"amountMinor\":1,\"currency\":\"EUR\"}}";
        String many = IntStream.range(0, 501).mapToObj(i -> line).collect(Collectors.joining(","));
        String tooMany = Orders.order(Orders.customer()).replaceAll("\"lines\":\\[.*?\\]\\s*,", "\"lines\":[" + many + "],");
        assertThat(fields(http.post("/api/orders", tooMany))).contains("lines");
    }

    @Test
    void mixed_currencies_break_an_invariant_and_are_a_422() {
        String body = Orders.order(Orders.customer()).replace("\"lines\":[", """
                "lines":[{"sku":"USD-1","quantity":1,"unitPrice":{"amountMinor":5,"currency":"USD"}},""");
        assertProblem(http.post("/api/orders", body), 422, "order.mixed-currencies");
    }

    @Test
    void a_total_above_the_configured_limit_is_a_422() {
        assertProblem(http.post("/api/orders", Orders.order(Orders.customer(), "GOLD", 2, 600_000, "EUR")),
                422, "order.total-above-limit");
    }

    @Test
    void a_total_that_would_overflow_is_a_422_not_a_500() {
        assertProblem(http.post("/api/orders", Orders.order(Orders.customer(), "BIG", 10_000, Long.MAX_VALUE / 2, "EUR")),
                422, "order.total-overflow");
    }

    @Test
    void a_huge_body_is_a_413() {
        String huge = "{\"customerId\":\"" + "x".repeat(100_000) + "\"}";
        assertProblem(http.post("/api/orders", huge), 413, "payload-too-large");
    }

    @Test
    void unknown_and_malformed_ids_are_4xx() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(http.get("/api/orders/" + unknown), 404, "not-found");
        assertProblem(http.get("/api/orders/not-a-uuid"), 400, "invalid-request");
        assertProblem(http.get("/api/customers/" + unknown + "/orders"), 404, "not-found");
        assertProblem(http.post("/api/orders/" + unknown + "/cancel", "{\"reason\":\"x\"}"), 404, "not-found");
        assertProblem(http.post("/api/orders/" + unknown + "/complete", null), 404, "not-found");
        assertProblem(http.get("/api/customers/" + unknown + "/orders?size=1000"), 400, "invalid-request");
        assertProblem(http.get("/api/customers/" + unknown + "/orders?page=abc"), 400, "invalid-request");
    }

    @Test
    void cancel_and_complete_follow_the_order_rules() {
        String orderId = http.post("/api/orders", Orders.order(Orders.customer())).field("orderId");
        assertProblem(http.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\" \"}"), 400, "invalid-request");
        assertThat(http.post("/api/orders/" + orderId + "/complete", null).status()).isEqualTo(202);
        assertProblem(http.post("/api/orders/" + orderId + "/complete", null), 409, "order.already-completed");
        assertProblem(http.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"late\"}"), 409, "order.completed");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                "COMPLETED".equals(http.get("/api/orders/" + orderId).field("status")));
    }

    @Test
    void the_openapi_document_describes_the_order_api() {
        Reply docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/orders")).isTrue();
        assertThat(docs.json().path("paths").has("/api/customers/{customerId}/orders")).isTrue();
        assertThat(docs.body()).contains("Idempotency-Key");
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private JsonNode awaitOrder(String orderId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/orders/" + orderId).status() == 200);
        return http.get("/api/orders/" + orderId).json();
    }

    private static java.util.List<String> fields(Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return java.util.stream.StreamSupport.stream(reply.json().path("errors").spliterator(), false)
                .map(error -> error.path("field").asText()).toList();
    }

    static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.field("type")).isEqualTo("urn:pantrade:problem:" + code);
        assertThat(reply.field("detail")).isNotBlank();
    }
}
