package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import io.pantrade.command.order.OrderPlacement;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.PlaceOrder;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.kernel.rules.Rejections;
import io.pantrade.kernel.rules.RuleViolation;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A request whose order was stored but whose answer was lost (the process died in between) is
 * retried by its client after the claim's lease: it must answer with the same order, not create a
 * second one. Below the API, {@link OrderPlacement} tells that case from a different order under a
 * taken id.
 */
class InterruptedRequestTest extends RunningEngineTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStore eventStore;

    @Autowired
    OrderPlacement placement;

    @Autowired
    PersonalDataCipher personalData;

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

    @Test
    void an_order_id_found_taken_is_accepted_for_the_same_order_and_refused_for_another() {
        CustomerId customer = new CustomerId(Orders.customer());
        OrderId orderId = new OrderId(UUID.randomUUID().toString());
        PlaceOrder order = placeOrder(orderId, customer, new OrderLine("SKU-1", 2, new Money(1999, "EUR")));
        placement.place(order);

        placement.place(order);
        Throwable other = catchThrowable(() -> placement.place(
                placeOrder(orderId, customer, new OrderLine("SKU-2", 1, new Money(500, "EUR")))));

        assertThat(Rejections.ruleOf(other)).map(RuleViolation::code).contains("order.id-taken");
        assertThat(eventStore.readEvents(orderId.value()).asStream().count()).isEqualTo(1);
    }

    private PlaceOrder placeOrder(OrderId orderId, CustomerId customer, OrderLine line) {
        return new PlaceOrder(orderId, customer, List.of(line), personalData.seal(customer.value(), "an address"),
                null, null);
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
