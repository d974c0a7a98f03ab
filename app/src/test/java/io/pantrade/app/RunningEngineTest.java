package io.pantrade.app;

import io.pantrade.projection.ledger.LedgerProjection;
import io.pantrade.projection.order.OrderSummaryProjection;
import io.pantrade.query.ReadModelFreshness;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * One engine, on a data directory of its own, shared by every test class that extends this (Spring
 * caches the context), reached over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pantrade.orders.max-total-minor=1000000", "pantrade.http.max-body-size=64KB",
                "pantrade.orders.updates-heartbeat=PT0.2S",
                // tests assign couriers themselves; a dispatch round would race them
                "pantrade.dispatch.enabled=false"})
abstract class RunningEngineTest {

    private static final Path DATA_DIR = Path.of("target", "engine-test-data", UUID.randomUUID().toString());

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pantrade.data-dir", DATA_DIR::toString);
        Payments.engineProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    ReadModelFreshness freshness;

    /** Signs its POSTs as the registered test client, so the payment API accepts them. */
    Http http;

    /** Until the read models have caught up after the start, a miss is a 503 rather than a 404. */
    @BeforeEach
    void connect() {
        http = new Http(port).signedAs(Payments.signer());
        await().atMost(Duration.ofSeconds(10)).until(() -> freshness.caughtUp(OrderSummaryProjection.PROCESSOR)
                && freshness.caughtUp(LedgerProjection.PROCESSOR));
    }
}
