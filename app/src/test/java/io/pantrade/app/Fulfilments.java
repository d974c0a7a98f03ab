package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.kernel.fulfilment.FulfilmentIds;
import io.pantrade.kernel.order.OrderId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders that the engine pays for and delivers, placed over HTTP, and what each one is meant to
 * go through: the simulated provider decides payments by card, the {@link CourierFleet} plays the
 * couriers.
 */
final class Fulfilments {

    /** Alexanderplatz, Berlin: every merchant's pickup point here. */
    static final double PICKUP_LATITUDE = 52.5219;
    static final double PICKUP_LONGITUDE = 13.4132;

    enum Fate {
        /** picked up and delivered: paid and completed */
        DELIVERED(Payments.VISA),
        /** the provider declines the card: cancelled, nothing held */
        DECLINED(Payments.DECLINED_VISA),
        /** the courier never comes: the pickup deadline undoes it */
        COURIER_NO_SHOW(Payments.VISA),
        /** picked up, then the courier reports a failure: voided and cancelled */
        DELIVERY_FAILED(Payments.VISA),
        /** picked up, and then the courier keeps it (until the delivery deadline) */
        PICKED_UP(Payments.VISA);

        final String card;

        Fate(String card) {
            this.card = card;
        }
    }

    /** Engine properties that make the deadlines short enough for a test. */
    static final String[] QUICK_STEPS = {
            "pantrade.dispatch.interval=PT0.2S",
            "pantrade.payments.simulated-provider.answer-delay=PT0S",
            "pantrade.fulfilment.payment-outcome-timeout=PT2M",
            "pantrade.fulfilment.courier-assignment-timeout=PT2M",
            "pantrade.fulfilment.pickup-attempts=1",
            "pantrade.fulfilment.delivery-timeout=PT2M"};

    private final Payments payments;
    private final Http http;
    private final Map<String, Fate> fateByDelivery = new ConcurrentHashMap<>();
    private final Map<String, Fate> fateByOrder = new ConcurrentHashMap<>();

    Fulfilments(Http http) {
        this.http = http;
        this.payments = new Payments(http);
    }

    /** @return the order id */
    String place(Fate fate) {
        String customer = Orders.customer();
        String token = payments.registerCard(customer, fate.card);
        Instant now = Instant.now();
        Http.Reply placed = http.post("/api/orders", UUID.randomUUID().toString(), """
                {"customerId":"%s","lines":[{"sku":"SKU-1","quantity":2,"unitPrice":{"amountMinor":1250,"currency":"EUR"}}],
                 "deliveryAddress":{"recipient":"Ada Lovelace","street":"12 St James's Square","city":"London",
                 "postalCode":"SW1Y 4JH","country":"GB"},
                 "fulfilment":{"merchantId":"%s","paymentMethodToken":"%s",
                   "pickup":{"latitude":%s,"longitude":%s},
                   "window":{"from":"%s","to":"%s"},"parcelSize":"SMALL"}}"""
                .formatted(customer, Payments.MERCHANT_ID, token, PICKUP_LATITUDE, PICKUP_LONGITUDE, now,
                        now.plus(Duration.ofHours(2))));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String orderId = placed.field("orderId");
        remember(orderId, fate);
        return orderId;
    }

    List<String> place(Fate fate, int count) {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orders.add(place(fate));
        }
        return orders;
    }

    /** An order placed through another engine on the same data. */
    void remember(String orderId, Fate fate) {
        fateByOrder.put(orderId, fate);
        fateByDelivery.put(deliveryOf(orderId), fate);
    }

    Fate fateOfDelivery(String deliveryId) {
        return fateByDelivery.get(deliveryId);
    }

    Set<String> orders() {
        return fateByOrder.keySet();
    }

    Fate fateOf(String orderId) {
        return fateByOrder.get(orderId);
    }

    static String deliveryOf(String orderId) {
        return FulfilmentIds.deliveryOf(new OrderId(orderId)).value();
    }

    static String paymentOf(String orderId) {
        return FulfilmentIds.paymentOf(new OrderId(orderId)).value();
    }

    /** Waits until every order is completed or cancelled, and returns their statuses. */
    Map<String, String> awaitAllFinished(Collection<String> orderIds, Duration atMost) {
        Map<String, String> finished = new ConcurrentHashMap<>();
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (String orderId : orderIds) {
                if (!finished.containsKey(orderId)) {
                    Http.Reply order = http.get("/api/orders/" + orderId);
                    String status = order.status() == 200 ? order.field("status") : "";
                    if (status.equals("COMPLETED") || status.equals("CANCELLED")) {
                        finished.put(orderId, status);
                    }
                }
            }
            return finished.size() == orderIds.size();
        });
        return finished;
    }

    /** Once the payment read model has caught up with the payment's last step. */
    JsonNode settledPayment(String orderId, String status) {
        return Payments.awaitStatus(http, paymentOf(orderId), status);
    }

    void assertLedgerBalanced() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode reconciliation = http.get("/api/ledger/reconciliation").json();
            assertThat(reconciliation.path("balanced").asBoolean()).as(reconciliation.toString()).isTrue();
            assertThat(reconciliation.path("mismatchCount").asLong()).as(reconciliation.toString()).isZero();
            reconciliation.path("currencies").forEach(currency ->
                    assertThat(currency.path("sumOfBalancesMinor").asLong()).isZero());
        });
    }
}
