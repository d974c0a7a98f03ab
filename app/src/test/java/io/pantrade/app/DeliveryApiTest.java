package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.pantrade.app.Http.Reply;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierId;
import io.pantrade.kernel.delivery.CourierRegistered;
import io.pantrade.kernel.delivery.CourierTookDelivery;
import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryId;
import io.pantrade.kernel.delivery.GeoPoint;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.ShiftStarted;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.kernel.fulfilment.FulfilmentIds;
import io.pantrade.kernel.order.Fulfilment;
import io.pantrade.kernel.order.FulfilmentRequested;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentAuthorized;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.projection.delivery.CourierRosterProjection;
import io.pantrade.projection.delivery.DeliveryBoardProjection;
import io.pantrade.projection.fulfilment.FulfilmentTimelineProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery, courier and fulfilment queries over HTTP. No Delivery or Courier aggregate publishes
 * events in this engine yet, so the test appends them to the event store as the aggregates would:
 * what is under test is the read side.
 */
class DeliveryApiTest extends RunningEngineTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final GeoPoint DEPOT = new GeoPoint(52.37, 4.89);
    private static final Money TOTAL = new Money(2_499, "EUR");

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    @BeforeEach
    void readSideCaughtUp() {
        await().atMost(Duration.ofSeconds(10)).until(() -> freshness.caughtUp(DeliveryBoardProjection.PROCESSOR)
                && freshness.caughtUp(CourierRosterProjection.PROCESSOR)
                && freshness.caughtUp(FulfilmentTimelineProjection.PROCESSOR));
    }

    @Test
    void a_delivery_shows_its_status_courier_and_history() {
        DeliveryId delivery = DeliveryId.random();
        CourierId courier = CourierId.random();
        OrderId order = OrderId.random();
        publish(event("Delivery", delivery.value(), 0, created(delivery, order, T0)),
                event("Delivery", delivery.value(), 1,
                        new CourierAssigned(delivery, courier, "a1", ParcelSize.SMALL, T0.plusSeconds(5))));

        JsonNode view = awaitOk(() -> http.get("/api/deliveries/" + delivery), reply -> reply.json().path("history").size() == 2);

        assertThat(view.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(view.path("orderId").asText()).isEqualTo(order.value());
        assertThat(view.path("courierId").asText()).isEqualTo(courier.value());
        assertThat(view.path("size").asText()).isEqualTo("SMALL");
        assertThat(view.path("pickup").path("latitude").asDouble()).isEqualTo(52.37);
        assertThat(view.path("history").get(0).path("type").asText()).isEqualTo("CREATED");
        assertThat(view.path("history").get(1).path("type").asText()).isEqualTo("COURIER_ASSIGNED");
        assertThat(view.path("history").get(1).path("at").asText()).isEqualTo("2025-03-01T10:00:05Z");
        assertThat(view.has("dropOff")).isFalse();
    }

    @Test
    void the_board_pages_waiting_deliveries_oldest_first_following_the_cursor() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            DeliveryId delivery = DeliveryId.random();
            mine.add(delivery.value());
            // created long ago, minutes apart: older than anything the other tests put on the board
            publish(event("Delivery", delivery.value(), 0,
                    created(delivery, OrderId.random(), Instant.parse("2001-01-01T00:00:00Z").plusSeconds(60L * (2 - i)))));
        }
        awaitOk(() -> http.get("/api/deliveries?status=AWAITING_COURIER&limit=200"),
                reply -> board(reply.json()).containsAll(mine));

        List<String> paged = new ArrayList<>();
        long total = -1;
        String next = null;
        do {
            Reply page = http.get("/api/deliveries?status=AWAITING_COURIER&limit=2" + (next == null ? "" : "&after=" + next));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode json = page.json();
            assertThat(json.path("status").asText()).isEqualTo("AWAITING_COURIER");
            assertThat(json.path("deliveries").size()).isLessThanOrEqualTo(2);
            paged.addAll(board(json));
            total = json.path("total").asLong();
            next = json.has("next") ? json.path("next").asText() : null;
        } while (next != null);

        assertThat(paged.subList(0, 3)).containsExactly(mine.get(2), mine.get(1), mine.get(0));
        assertThat(paged).hasSize((int) total).doesNotHaveDuplicates();
    }

    @Test
    void the_board_wants_an_open_status_a_cursor_it_gave_and_a_limit_of_1_to_200() {
        for (String bad : List.of("", "status=DELIVERED", "status=awaiting", "status=LOST")) {
            Reply reply = http.get("/api/deliveries?" + bad);
            assertProblem(reply, 400, "invalid-request");
            assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo("status");
        }
        for (String badPaging : List.of("limit=0", "limit=201", "limit=ten", "after=0017:" + UUID.randomUUID(), "after=x")) {
            Reply reply = http.get("/api/deliveries?status=ASSIGNED&" + badPaging);
            assertProblem(reply, 400, "invalid-request");
            assertThat(reply.json().path("errors").get(0).path("field").asText())
                    .isEqualTo(badPaging.substring(0, badPaging.indexOf('=')));
        }
        assertThat(http.get("/api/deliveries?status=PICKED_UP&limit=200").status()).isEqualTo(200);
    }

    @Test
    void while_the_board_is_behind_a_page_and_a_missing_delivery_are_503() {
        EventProcessor board = processing.eventProcessor(DeliveryBoardProjection.PROCESSOR).orElseThrow();
        board.shutDown();
        try {
            assertProblem(http.get("/api/deliveries?status=AWAITING_COURIER"), 503, "read-model-catching-up");
            assertProblem(http.get("/api/deliveries/" + UUID.randomUUID()), 503, "read-model-catching-up");
        } finally {
            board.start();
        }
        readSideCaughtUp();
        assertThat(http.get("/api/deliveries?status=AWAITING_COURIER").status()).isEqualTo(200);
    }

    @Test
    void unknown_and_malformed_ids_are_404_and_400() {
        assertProblem(http.get("/api/deliveries/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(http.get("/api/couriers/" + UUID.randomUUID()), 404, "not-found");
        assertProblem(http.get("/api/orders/" + UUID.randomUUID() + "/fulfilment"), 404, "not-found");
        Reply malformed = http.get("/api/deliveries/not-a-uuid");
        assertProblem(malformed, 400, "invalid-request");
        assertThat(malformed.json().path("errors").get(0).path("field").asText()).isEqualTo("deliveryId");
        assertProblem(http.get("/api/couriers/42"), 400, "invalid-request");
        assertProblem(http.get("/api/orders/42/fulfilment"), 400, "invalid-request");
    }

    @Test
    void a_courier_shows_its_load_and_the_roster_lists_couriers_with_enough_room() {
        CourierId roomy = CourierId.random();
        CourierId full = CourierId.random();
        DeliveryId held = DeliveryId.random();
        // capacities no other test uses, so that the roster from 800,000 free units lists only these
        publish(event("Courier", roomy.value(), 0, registered(roomy, 900_004)),
                event("Courier", roomy.value(), 1, new ShiftStarted(roomy, DEPOT, T0)),
                event("Courier", roomy.value(), 2, new CourierTookDelivery(roomy, held, "a1", ParcelSize.LARGE, T0)),
                event("Courier", full.value(), 0, registered(full, 800_000)),
                event("Courier", full.value(), 1, new ShiftStarted(full, DEPOT, T0)),
                event("Courier", full.value(), 2, new CourierTookDelivery(full, held, "a2", ParcelSize.SMALL, T0)));

        JsonNode courier = awaitOk(() -> http.get("/api/couriers/" + roomy), reply -> reply.json().path("load").asInt() == 4);
        assertThat(courier.path("onShift").asBoolean()).isTrue();
        assertThat(courier.path("capacity").asInt()).isEqualTo(900_004);
        assertThat(courier.path("deliveries").get(0).asText()).isEqualTo(held.value());
        assertThat(courier.path("location").path("longitude").asDouble()).isEqualTo(4.89);

        awaitOk(() -> http.get("/api/couriers/" + full), reply -> reply.json().path("load").asInt() == 1);
        JsonNode roster = http.get("/api/couriers?minimumFreeCapacity=800000&limit=1").json();
        assertThat(roster.path("couriers")).hasSize(1);
        assertThat(roster.path("couriers").get(0).path("courierId").asText()).isEqualTo(roomy.value());
        assertThat(roster.has("next")).isFalse();

        for (String badParameter : List.of("minimumFreeCapacity=-1", "minimumFreeCapacity=many", "limit=0", "limit=201",
                "after=not-a-courier")) {
            Reply reply = http.get("/api/couriers?" + badParameter);
            assertProblem(reply, 400, "invalid-request");
            assertThat(reply.json().path("errors").get(0).path("field").asText())
                    .isEqualTo(badParameter.substring(0, badParameter.indexOf('=')));
        }
    }

    @Test
    void an_orders_fulfilment_shows_its_stage_and_timeline() {
        OrderId order = OrderId.random();
        PaymentId payment = FulfilmentIds.paymentOf(order);
        DeliveryId delivery = FulfilmentIds.deliveryOf(order);
        CustomerId customer = new CustomerId(UUID.randomUUID().toString());
        MerchantId merchant = new MerchantId(UUID.randomUUID().toString());
        CardReference card = new CardReference("tok_1", "VISA", "4242");
        publish(new GenericDomainEventMessage<>("Order", order.value(), 1, new FulfilmentRequested(order, customer,
                        TOTAL, new Fulfilment(merchant, card, DEPOT, window(T0), ParcelSize.SMALL),
                        new SealedText(customer.value(), "AQIDBAUGBwgJCgsM")), MetaData.emptyInstance(),
                        UUID.randomUUID().toString(), T0),
                event("Payment", payment.value(), 0,
                        new PaymentAuthorizationRequested(payment, order, customer, merchant, TOTAL, card, T0.plusSeconds(1))),
                event("Payment", payment.value(), 1,
                        new PaymentAuthorized(payment, TOTAL, "psp-1", T0.plusSeconds(2), T0.plusSeconds(9_000))),
                event("Delivery", delivery.value(), 0, created(delivery, order, T0.plusSeconds(3))));

        JsonNode view = awaitOk(() -> http.get("/api/orders/" + order + "/fulfilment"),
                reply -> reply.json().path("timeline").size() == 4);

        assertThat(view.path("stage").asText()).isEqualTo("AWAITING_COURIER");
        assertThat(view.path("paymentId").asText()).isEqualTo(payment.value());
        assertThat(view.path("deliveryId").asText()).isEqualTo(delivery.value());
        List<String> steps = new ArrayList<>();
        view.path("timeline").forEach(step -> steps.add(step.path("step").asText()));
        assertThat(steps).containsExactly("fulfilment-requested", "payment-requested", "payment-authorized",
                "delivery-created");
        assertThat(view.path("timeline").get(0).path("at").asText()).isEqualTo("2025-03-01T10:00:00Z");
    }

    private JsonNode awaitOk(Supplier<Reply> get, Predicate<Reply> done) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Reply reply = get.get();
            return reply.status() == 200 && done.test(reply);
        });
        return get.get().json();
    }

    private void publish(EventMessage<?>... events) {
        eventStore.publish(List.of(events));
    }

    private static EventMessage<?> event(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload);
    }

    private static List<String> board(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("deliveries").forEach(delivery -> ids.add(delivery.path("deliveryId").asText()));
        return ids;
    }

    private static DeliveryCreated created(DeliveryId delivery, OrderId order, Instant at) {
        return new DeliveryCreated(delivery, order, DEPOT, new SealedText(order.value(), "AQIDBAUGBwgJCgsM"), window(at),
                ParcelSize.SMALL, at);
    }

    private static TimeWindow window(Instant at) {
        return new TimeWindow(at.plusSeconds(1_800), at.plusSeconds(3_600));
    }

    private static CourierRegistered registered(CourierId courier, int capacity) {
        return new CourierRegistered(courier, new SealedText(courier.value(), "AQIDBAUGBwgJCgsM"), capacity, T0);
    }
}
