package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import io.pantrade.testing.Race;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentTransitionsTest extends RunningEngineTest {

    @Autowired
    EventStore eventStore;

    @Test
    void of_50_concurrent_cancels_and_completions_exactly_one_wins() throws Exception {
        String orderId = http.post("/api/orders", Orders.order(Orders.customer())).field("orderId");

        List<Reply> replies = Race.of(50, i -> i % 2 == 0
                ? http.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"race " + i + "\"}")
                : http.post("/api/orders/" + orderId + "/complete", null));

        assertThat(replies).extracting(Reply::status).isSubsetOf(202, 409);
        assertThat(replies).filteredOn(reply -> reply.status() == 202).hasSize(1);
        List<String> events = eventStore.readEvents(orderId).asStream()
                .map(DomainEventMessage::getPayloadType).map(Class::getSimpleName).toList();
        assertThat(events).hasSize(2).first().isEqualTo("OrderPlaced");
        assertThat(events.get(1)).isIn("OrderCancelled", "OrderCompleted");
    }

    @Test
    void concurrent_retries_with_one_key_place_one_order() throws Exception {
        String customer = Orders.customer();
        String body = Orders.order(customer);

        List<Reply> replies = Race.of(20, i -> http.post("/api/orders", "one-key-" + customer, body));

        assertThat(replies).extracting(Reply::status).isSubsetOf(201, 409).contains(201);
        assertThat(replies).filteredOn(reply -> reply.status() == 201)
                .extracting(reply -> reply.field("orderId")).containsOnly(replies.stream()
                        .filter(reply -> reply.status() == 201).findFirst().orElseThrow().field("orderId"));
        assertThat(replies).filteredOn(reply -> reply.status() == 409)
                .allSatisfy(reply -> assertThat(reply.field("type")).endsWith("idempotency-key-in-use"));
    }
}
