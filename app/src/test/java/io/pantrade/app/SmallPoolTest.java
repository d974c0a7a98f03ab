package io.pantrade.app;

import io.pantrade.testing.Race;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More concurrent payments than H2 connections. A command holds a connection of the main pool
 * while it stores a new customer's key or schedules the expiry deadline; if those writes needed a
 * second connection from the same pool, every connection would be held by a command waiting for
 * another, and nothing would move until the pool's 30 s timeout failed them all.
 */
class SmallPoolTest {

    @TempDir
    Path dataDir;

    @Test
    void payments_outnumbering_the_connections_all_complete() throws Exception {
        try (Engine engine = Engine.start(dataDir, "pantrade.h2.pool-size=2")) {
            Http http = engine.http();
            Payments payments = new Payments(http);

            List<String> statuses = Race.of(12, i -> {
                String customer = Orders.customer();
                String token = payments.registerCard(customer, Payments.VISA);
                String paymentId = payments.post("/api/payments", Payments.authorization(customer, token, 500))
                        .field("paymentId");
                return Payments.awaitStatus(http, paymentId, "AUTHORIZED").path("status").asText();
            });

            assertThat(statuses).hasSize(12).containsOnly("AUTHORIZED");
        }
    }
}
