package io.pantrade.app;

import io.pantrade.projection.order.OrderSummaryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** While the order read model is not caught up, a miss is "not ready" (503), not "not found". */
class ReadModelCatchUpTest extends RunningEngineTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_miss_while_the_read_model_is_behind_is_a_503_with_retry_after() {
        EventProcessor projection = processing.eventProcessor(OrderSummaryProjection.PROCESSOR).orElseThrow();
        projection.shutDown();
        try {
            String orderId = http.post("/api/orders", Orders.order(Orders.customer())).field("orderId");
            Http.Reply notYet = http.get("/api/orders/" + orderId);
            assertProblem(notYet, 503, "read-model-catching-up");
        } finally {
            projection.start();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertProblem(http.get("/api/orders/3f0c8a52-6c1e-4a7b-9d2e-5b8f1a0c4d7e"), 404, "not-found"));
        assertThat(projection.isRunning()).isTrue();
    }
}
