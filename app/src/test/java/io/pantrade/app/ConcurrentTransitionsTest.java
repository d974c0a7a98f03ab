package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentTransitionsTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pantrade.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Test
    void of_50_concurrent_cancels_and_completions_exactly_one_wins() throws Exception {
        Http http = new Http(port);
        String orderId = http.post("/api/orders", Orders.order(Orders.customer())).field("orderId");

        List<Reply> replies = race(50, i -> i % 2 == 0
                ? http.post("/api/orders/" + orderId + "/cancel", "{\"reason\":\"race " + i + "\"}")
                : http.post("/api/orders/" + orderId + "/complete", null));

        assertThat(replies).extracting(Reply::status).containsOnly(202, 409);
        assertThat(replies).filteredOn(reply -> reply.status() == 202).hasSize(1);
        List<String> events = eventStore.readEvents(orderId).asStream()
                .map(DomainEventMessage::getPayloadType).map(Class::getSimpleName).toList();
        assertThat(events).hasSize(2).first().isEqualTo("OrderPlaced");
        assertThat(events.get(1)).isIn("OrderCancelled", "OrderCompleted");
    }

    @Test
    void concurrent_retries_with_one_key_place_one_order() throws Exception {
        Http http = new Http(port);
        String customer = Orders.customer();
        String body = Orders.order(customer);

        List<Reply> replies = race(20, i -> http.post("/api/orders", "one-key-" + customer, body));

        assertThat(replies).extracting(Reply::status).containsOnly(201, 409);
        assertThat(replies).filteredOn(reply -> reply.status() == 201)
                .extracting(reply -> reply.field("orderId")).containsOnly(replies.stream()
                        .filter(reply -> reply.status() == 201).findFirst().orElseThrow().field("orderId"));
        assertThat(replies).filteredOn(reply -> reply.status() == 409)
                .allSatisfy(reply -> assertThat(reply.field("type")).endsWith("idempotency-key-in-use"));
    }

    private static List<Reply> race(int callers, java.util.function.IntFunction<Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int caller = i;
                futures.add(pool.submit((Callable<Reply>) () -> {
                    start.await();
                    return call.apply(caller);
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
