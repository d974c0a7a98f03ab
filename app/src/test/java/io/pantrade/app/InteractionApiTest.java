package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import io.pantrade.kernel.behaviour.ProductAddedToCart;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.kernel.behaviour.ProductRated;
import io.pantrade.kernel.behaviour.ProductViewed;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The interactions and catalogue API over HTTP: what reaches the event store, and what is refused, naming the field. */
class InteractionApiTest extends RunningEngineTest {

    private final String customer = UUID.randomUUID().toString();

    @Autowired
    EventStore eventStore;

    @Test
    void a_batch_becomes_one_event_per_interaction_in_the_event_store() throws Exception {
        TrackingToken before = eventStore.createHeadToken();
        String other = UUID.randomUUID().toString();
        Reply reply = post("{\"customerId\":\"" + customer + "\",\"interactions\":["
                + "{\"type\":\"VIEW\",\"sku\":\"MUG\",\"at\":\"2025-03-01T10:00:00Z\"},"
                + "{\"type\":\"ADD_TO_CART\",\"sku\":\"MUG\",\"quantity\":3},"
                + "{\"type\":\"RATING\",\"sku\":\"MUG\",\"rating\":4,\"customerId\":\"" + other + "\"}]}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("recorded").asInt()).isEqualTo(3);
        List<Object> stored = eventsSince(before, 3);
        assertThat(stored).hasSize(3);
        ProductViewed viewed = (ProductViewed) stored.get(0);
        assertThat(viewed.customerId().value()).isEqualTo(customer);
        assertThat(viewed.at()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        ProductAddedToCart carted = (ProductAddedToCart) stored.get(1);
        assertThat(carted.quantity()).isEqualTo(3);
        assertThat(carted.at()).isBefore(Instant.now().plusSeconds(1)).isAfter(Instant.now().minusSeconds(60));
        ProductRated rated = (ProductRated) stored.get(2);
        assertThat(rated.customerId().value()).isEqualTo(other);
        assertThat(rated.rating()).isEqualTo(4);
    }

    @Test
    void a_product_catalogued_is_an_event_in_the_store() throws Exception {
        TrackingToken before = eventStore.createHeadToken();
        Reply reply = http.post("/api/products", UUID.randomUUID().toString(),
                "{\"sku\":\"LAMP-1\",\"name\":\"Desk lamp\",\"category\":\"lighting\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(eventsSince(before, 1)).containsExactly(new ProductCatalogued("LAMP-1", "Desk lamp", "lighting"));
        assertThat(fields(http.post("/api/products", "{\"sku\":\"\",\"name\":\"x\"}")))
                .containsExactlyInAnyOrder("sku", "category");
    }

    @Test
    void an_unknown_type_is_named_with_its_index() {
        assertThat(fields(post(batch("{\"type\":\"VIEW\",\"sku\":\"A\"},{\"type\":\"LIKE\",\"sku\":\"A\"}"))))
                .containsExactly("interactions[1].type");
        assertThat(fields(post(batch("{\"sku\":\"A\"}")))).containsExactly("interactions[0].type");
    }

    @Test
    void a_missing_sku_or_customer_is_named_with_its_index() {
        assertThat(fields(post(batch("{\"type\":\"VIEW\",\"sku\":\"A\"},{\"type\":\"VIEW\",\"sku\":\" \"}"))))
                .containsExactly("interactions[1].sku");
        assertThat(fields(post("{\"interactions\":[{\"type\":\"VIEW\",\"sku\":\"A\"}]}")))
                .containsExactly("interactions[0].customerId");
        assertThat(fields(post(batch("{\"type\":\"VIEW\",\"sku\":\"A\",\"customerId\":\"nope\"}"))))
                .containsExactly("interactions[0].customerId");
    }

    @Test
    void a_rating_must_be_from_one_to_five_and_only_on_a_rating() {
        assertThat(fields(post(batch("{\"type\":\"RATING\",\"sku\":\"A\",\"rating\":6}"))))
                .containsExactly("interactions[0].rating");
        assertThat(fields(post(batch("{\"type\":\"VIEW\",\"sku\":\"A\"},{\"type\":\"RATING\",\"sku\":\"A\",\"rating\":0}"))))
                .containsExactly("interactions[1].rating");
        assertThat(fields(post(batch("{\"type\":\"RATING\",\"sku\":\"A\"}")))).containsExactly("interactions[0].rating");
        assertThat(fields(post(batch("{\"type\":\"VIEW\",\"sku\":\"A\",\"rating\":3}")))).containsExactly("interactions[0].rating");
        assertThat(fields(post(batch("{\"type\":\"VIEW\",\"sku\":\"A\",\"quantity\":3}")))).containsExactly("interactions[0].quantity");
    }

    @Test
    void an_empty_batch_or_one_above_500_is_refused() throws Exception {
        TrackingToken before = eventStore.createHeadToken();
        String view = "{\"type\":\"VIEW\",\"sku\":\"A\"}";
        assertThat(fields(post(batch("")))).containsExactly("interactions");
        assertThat(fields(post(batch(IntStream.range(0, 501).mapToObj(i -> view).collect(Collectors.joining(","))))))
                .containsExactly("interactions");
        assertThat(post(batch(IntStream.range(0, 500).mapToObj(i -> view).collect(Collectors.joining(",")))).status())
                .isEqualTo(202);
        assertThat(eventsSince(before, 500)).hasSize(500);
    }

    @Test
    void an_interaction_in_the_future_beyond_the_clock_skew_is_refused_and_nothing_of_its_batch_is_stored()
            throws Exception {
        TrackingToken before = eventStore.createHeadToken();
        String soon = Instant.now().plusSeconds(20).toString();
        String later = Instant.now().plusSeconds(3_600).toString();
        Reply reply = post(batch("{\"type\":\"VIEW\",\"sku\":\"A\",\"at\":\"" + soon + "\"},"
                + "{\"type\":\"VIEW\",\"sku\":\"B\",\"at\":\"" + later + "\"}"));

        assertThat(fields(reply)).containsExactly("interactions[1].at");
        assertThat(post(batch("{\"type\":\"VIEW\",\"sku\":\"A\",\"at\":\"" + soon + "\"}")).status()).isEqualTo(202);
        assertThat(eventsSince(before, 1)).singleElement().isInstanceOf(ProductViewed.class)
                .extracting(event -> ((ProductViewed) event).sku()).isEqualTo("A");
    }

    @Test
    void an_unknown_customer_is_just_a_customer_with_no_history_yet() {
        assertThat(post(batch("{\"type\":\"VIEW\",\"sku\":\"NEVER-SEEN\"}")).status()).isEqualTo(202);
    }

    @Test
    void the_openapi_document_describes_the_interactions_api() {
        var paths = http.get("/v3/api-docs").json().path("paths");
        assertThat(paths.has("/api/interactions")).isTrue();
        assertThat(paths.has("/api/products")).isTrue();
    }

    private Reply post(String body) {
        return http.post("/api/interactions", UUID.randomUUID().toString(), body);
    }

    private String batch(String interactions) {
        return "{\"customerId\":\"" + customer + "\",\"interactions\":[" + interactions + "]}";
    }

    /** The payloads stored after {@code token}, waiting for at least {@code expected}. */
    private List<Object> eventsSince(TrackingToken token, int expected) throws Exception {
        List<Object> payloads = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(token)) {
            while (stream.hasNextAvailable(payloads.size() < expected ? 5_000 : 300, TimeUnit.MILLISECONDS)) {
                Object payload = stream.nextAvailable().getPayload();
                if (payload.getClass().getPackageName().equals(ProductViewed.class.getPackageName())) {
                    payloads.add(payload);
                }
            }
        }
        return payloads;
    }

    static List<String> fields(Reply reply) {
        assertProblem(reply, 400, "invalid-request");
        return StreamSupport.stream(reply.json().path("errors").spliterator(), false)
                .map(error -> error.path("field").asText()).toList();
    }
}
