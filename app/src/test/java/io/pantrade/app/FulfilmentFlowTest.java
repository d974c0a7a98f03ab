package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.app.Fulfilments.Fate;
import io.pantrade.kernel.delivery.CancelDelivery;
import io.pantrade.kernel.delivery.DeliveryId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders paid through the simulated provider and delivered by couriers played over HTTP, from
 * placement to completion or cancellation, through the whole engine.
 */
class FulfilmentFlowTest {

    @TempDir
    static Path dataDir;
    private static Engine engine;
    private static Http http;
    private static Fulfilments fulfilments;
    private static CourierFleet fleet;

    @BeforeAll
    static void start() {
        List<String> properties = new ArrayList<>(List.of(Fulfilments.QUICK_STEPS));
        properties.add("pantrade.fulfilment.pickup-timeout=PT3S");
        engine = Engine.start(dataDir, properties.toArray(String[]::new));
        http = engine.http();
        fulfilments = new Fulfilments(http);
        fleet = new CourierFleet(http, fulfilments).onShift(20, 10);
        fleet.start();
    }

    @AfterAll
    static void stop() {
        fleet.close();
        engine.close();
    }

    @Test
    void two_hundred_orders_are_paid_delivered_captured_and_completed() {
        List<String> orders = fulfilments.place(Fate.DELIVERED, 200);

        Map<String, String> finished = fulfilments.awaitAllFinished(orders, Duration.ofMinutes(3));

        assertThat(finished.values()).as("every order completed").containsOnly("COMPLETED");
        for (String orderId : orders) {
            JsonNode payment = fulfilments.settledPayment(orderId, "CAPTURED");
            assertThat(Payments.steps(payment)).as("captured exactly once")
                    .containsExactly("REQUESTED", "AUTHORIZED", "CAPTURED");
            assertThat(payment.path("captured").path("amountMinor").asLong()).isEqualTo(2_500);
        }
        JsonNode timeline = awaitStage(orders.get(0), "COMPLETED");
        assertThat(steps(timeline)).contains("payment-authorized", "delivery-created", "courier-assigned",
                "picked-up", "delivered", "payment-captured", "order-completed");
        fulfilments.assertLedgerBalanced();
    }

    @Test
    void declines_couriers_who_never_come_and_failed_deliveries_end_cancelled_with_the_money_released() {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            orders.add(fulfilments.place(Fate.DELIVERED));
            orders.add(fulfilments.place(Fate.DECLINED));
            orders.add(fulfilments.place(Fate.COURIER_NO_SHOW));
            orders.add(fulfilments.place(Fate.DELIVERY_FAILED));
        }

        Map<String, String> finished = fulfilments.awaitAllFinished(orders, Duration.ofMinutes(3));

        for (String orderId : orders) {
            Fate fate = fulfilments.fateOf(orderId);
            String expected = switch (fate) {
                case DELIVERED -> "COMPLETED";
                default -> "CANCELLED";
            };
            assertThat(finished.get(orderId)).as(fate + " order " + orderId).isEqualTo(expected);
            String payment = switch (fate) {
                case DELIVERED -> "CAPTURED";
                case DECLINED -> "DECLINED";
                default -> "VOIDED";
            };
            assertThat(Payments.steps(fulfilments.settledPayment(orderId, payment))).as(fate + " payment")
                    .doesNotContain("REFUNDED").filteredOn("CAPTURED"::equals).hasSizeLessThanOrEqualTo(1);
        }
        fulfilments.assertLedgerBalanced();
    }

    @Test
    void a_customer_cancelling_before_pickup_gets_the_hold_voided() {
        String orderId = fulfilments.place(Fate.COURIER_NO_SHOW);

        Http.Reply cancelled = http.post("/api/orders/" + orderId + "/cancel", UUID.randomUUID().toString(),
                "{\"reason\":\"changed my mind\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        assertThat(fulfilments.awaitAllFinished(List.of(orderId), Duration.ofSeconds(30))).containsValue("CANCELLED");
        fulfilments.settledPayment(orderId, "VOIDED");
    }

    /** The saga cancels an order whose delivery was cancelled; it may get there before the cancel request does. */
    @Test
    void a_customer_cancel_overtaken_by_the_saga_is_still_accepted() {
        String orderId = fulfilments.place(Fate.COURIER_NO_SHOW);
        String deliveryId = Fulfilments.deliveryOf(orderId);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/deliveries/" + deliveryId).status() == 200);
        engine.bean(CommandGateway.class).sendAndWait(new CancelDelivery(new DeliveryId(deliveryId),
                "order cancelled: changed my mind"));
        assertThat(fulfilments.awaitAllFinished(List.of(orderId), Duration.ofSeconds(30))).containsValue("CANCELLED");

        Http.Reply cancelled = http.post("/api/orders/" + orderId + "/cancel", UUID.randomUUID().toString(),
                "{\"reason\":\"changed my mind\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        fulfilments.settledPayment(orderId, "VOIDED");
    }

    @Test
    void a_customer_cannot_cancel_once_the_parcel_is_picked_up() {
        String orderId = fulfilments.place(Fate.PICKED_UP);
        String deliveryId = Fulfilments.deliveryOf(orderId);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/deliveries/" + deliveryId),
                reply -> reply.status() == 200 && reply.field("status").equals("PICKED_UP"));

        Http.Reply refused = http.post("/api/orders/" + orderId + "/cancel", UUID.randomUUID().toString(),
                "{\"reason\":\"changed my mind\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.field("type")).isEqualTo("urn:pantrade:problem:delivery.already-picked-up");
        assertThat(http.get("/api/orders/" + orderId).field("status")).isEqualTo("PLACED");
    }

    private static JsonNode awaitStage(String orderId, String stage) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/orders/" + orderId + "/fulfilment"),
                reply -> reply.status() == 200 && reply.field("stage").equals(stage)).json();
    }

    private static List<String> steps(JsonNode timeline) {
        List<String> steps = new ArrayList<>();
        timeline.path("timeline").forEach(step -> steps.add(step.path("step").asText()));
        return steps;
    }
}
