package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.kernel.order.FindOrder;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@code GET /api/orders/{id}/updates}: the order's progress as server-sent events, ending when it is final. */
class OrderUpdatesApiTest extends RunningEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    QueryUpdateEmitter subscriptions;

    @Test
    void the_stream_shows_the_order_then_tells_its_completion_and_ends() {
        String orderId = placedAndReadable();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            HttpResponse<Stream<String>> response =
                    client.send(streamRequest(orderId), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            Iterator<String> lines = response.body().iterator();

            Event first = next(lines);
            assertThat(first.name()).isEqualTo("order");
            assertThat(first.data().path("orderId").asText()).isEqualTo(orderId);
            assertThat(first.data().path("status").asText()).isEqualTo("PLACED");
            assertThat(first.data().path("deliveryAddress").path("recipient").asText()).isEqualTo("Ada Lovelace");

            assertThat(http.post("/api/orders/" + orderId + "/complete", null).status()).isEqualTo(202);

            Event told = next(lines);
            assertThat(told.name()).isEqualTo("status");
            assertThat(told.data().path("orderId").asText()).isEqualTo(orderId);
            assertThat(told.data().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(told.data().path("at").isMissingNode()).isFalse();
            assertThat(lines.hasNext()).as("the stream ends once the order is final").isFalse();
        });
        assertThat(http.get("/api/orders/" + orderId).field("status")).isEqualTo("COMPLETED");
    }

    @Test
    void a_cancelled_order_is_one_event_and_the_stream_ends_at_once() {
        String orderId = placedAndReadable();
        assertThat(http.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"changed my mind\"}").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "CANCELLED".equals(http.get("/api/orders/" + orderId).field("status")));

        List<Event> events = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            HttpResponse<String> response = client.send(streamRequest(orderId), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return events(response.body().lines().iterator());
        });

        assertThat(events).hasSize(1);
        assertThat(events.get(0).name()).isEqualTo("order");
        assertThat(events.get(0).data().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(events.get(0).data().path("cancelReason").asText()).isEqualTo("changed my mind");
    }

    @Test
    void a_waiting_stream_sends_heartbeat_comments_until_the_order_ends() {
        String orderId = placedAndReadable();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Iterator<String> lines = client.send(streamRequest(orderId), HttpResponse.BodyHandlers.ofLines()).body().iterator();
            assertThat(next(lines).data().path("status").asText()).isEqualTo("PLACED");
            int comments = 0;
            while (comments < 2) {  // the engine under test beats every 0.2 s
                if (lines.next().startsWith(":")) {
                    comments++;
                }
            }
            http.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"took too long\"}");
            assertThat(events(lines)).extracting(event -> event.data().path("status").asText()).containsExactly("CANCELLED");
        });
    }

    @Test
    void a_client_that_goes_away_loses_its_subscription_at_the_next_heartbeat() throws IOException {
        String orderId = placedAndReadable();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/orders/" + orderId + "/updates HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> watching(orderId));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> !watching(orderId));
    }

    private boolean watching(String orderId) {
        return subscriptions.activeSubscriptions().stream()
                .anyMatch(query -> query.getPayload() instanceof FindOrder find && find.orderId().value().equals(orderId));
    }

    @Test
    void unknown_and_malformed_ids_are_problems_not_streams() {
        assertProblem(http.send(streamRequest(UUID.randomUUID().toString())), 404, "not-found");
        assertProblem(http.send(streamRequest("not-a-uuid")), 400, "invalid-request");
    }

    private String placedAndReadable() {
        String orderId = http.post("/api/orders", Orders.order(Orders.customer())).field("orderId");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/orders/" + orderId).status() == 200);
        return orderId;
    }

    private HttpRequest streamRequest(String orderId) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders/" + orderId + "/updates"))
                .header("Accept", "text/event-stream").GET().build();
    }

    private record Event(String name, JsonNode data) {
    }

    private static List<Event> events(Iterator<String> lines) {
        List<Event> events = new ArrayList<>();
        while (lines.hasNext()) {
            Event event = next(lines);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /** The next event of the stream, read up to the blank line that ends it; {@code null} if the stream ended first. */
    private static Event next(Iterator<String> lines) {
        String name = null;
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (name != null) {
                    return new Event(name, parse(data.toString()));
                }
            } else if (line.startsWith("event:")) {
                name = line.substring("event:".length()).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()));
            }
        }
        return name == null ? null : new Event(name, parse(data.toString()));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
