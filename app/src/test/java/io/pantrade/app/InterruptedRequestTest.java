package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request whose order was stored but whose answer was lost (the process died in between) is
 * retried by its client after the claim's lease: it must answer with the same order, not create a
 * second one.
 */
class InterruptedRequestTest extends RunningEngineTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStore eventStore;

    @Test
    void a_retry_after_a_lost_answer_places_no_second_order() {
        String customer = Orders.customer();
        String key = UUID.randomUUID().toString();
        String orderId = http.post("/api/orders", key, Orders.order(customer)).field("orderId");
        loseTheAnswer(key);

        Reply retried = http.post("/api/orders", key, Orders.order(customer));

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.replayed()).isFalse();
        assertThat(retried.field("orderId")).isEqualTo(orderId);
        assertThat(eventStore.readEvents(orderId).asStream().count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/orders/" + orderId).status() == 200);
        assertThat(http.get("/api/customers/" + customer + "/orders").json().path("totalElements").asInt()).isEqualTo(1);
    }

    /** What a crash between storing the events and storing the answer leaves: an old, unanswered claim. */
    private void loseTheAnswer(String key) {
        new JdbcTemplate(dataSource).update("""
                        UPDATE idempotency_record
                        SET response_status = NULL, content_type = NULL, location = NULL, body = NULL, claimed_at = ?
                        WHERE idem_key = ?""",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), key);
    }
}
