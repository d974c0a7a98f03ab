package io.pantrade.app;

import io.pantrade.app.Fulfilments.Fate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine stops with 50 orders on their way (some delivered, some waiting for a courier who will
 * never come, some about to fail) and starts again on the same data: every order ends as its fate
 * says, each payment is captured at most once, and the pickup deadlines scheduled before the stop
 * fire after it.
 */
class FulfilmentRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void fifty_orders_in_flight_across_a_restart_all_finish_correctly() {
        List<String> orders = new ArrayList<>();
        CourierFleet fleetBefore;
        Fulfilments before;
        List<String> noShows;
        try (Engine engine = start()) {
            Http http = engine.http();
            before = new Fulfilments(http);
            fleetBefore = new CourierFleet(http, before).onShift(10, 10);
            for (int i = 0; i < 10; i++) {
                orders.addAll(before.place(Fate.DELIVERED, 3));
                orders.add(before.place(Fate.COURIER_NO_SHOW));
                orders.add(before.place(Fate.DELIVERY_FAILED));
            }
            fleetBefore.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> finishedCount(http, orders) >= 10);
            fleetBefore.close();
            noShows = orders.stream().filter(order -> before.fateOf(order) == Fate.COURIER_NO_SHOW).toList();
            assertThat(finishedCount(http, noShows)).as("no pickup deadline has fired before the stop").isZero();
            assertThat(finishedCount(http, orders)).as("orders still on their way at the stop").isLessThan(50);
        }

        try (Engine engine = start()) {
            Http http = engine.http();
            Fulfilments after = new Fulfilments(http);
            orders.forEach(order -> after.remember(order, before.fateOf(order)));
            try (CourierFleet fleet = new CourierFleet(http, after).sameCouriers(fleetBefore)) {
                fleet.start();
                Map<String, String> finished = after.awaitAllFinished(orders, Duration.ofMinutes(2));

                for (String orderId : orders) {
                    Fate fate = after.fateOf(orderId);
                    assertThat(finished.get(orderId)).as(fate + " order " + orderId)
                            .isEqualTo(fate == Fate.DELIVERED ? "COMPLETED" : "CANCELLED");
                    List<String> steps = Payments.steps(after.settledPayment(orderId,
                            fate == Fate.DELIVERED ? "CAPTURED" : "VOIDED"));
                    assertThat(steps.stream().filter("CAPTURED"::equals).count()).as("captures of " + orderId)
                            .isEqualTo(fate == Fate.DELIVERED ? 1 : 0);
                }
                assertThat(noShows).as("pickup deadlines scheduled before the stop, fired after it")
                        .allSatisfy(order -> assertThat(finished.get(order)).isEqualTo("CANCELLED"));
                after.assertLedgerBalanced();
            }
        }
    }

    /** The pickup deadline is long enough not to fire before the stop. */
    private Engine start() {
        List<String> properties = new ArrayList<>(List.of(Fulfilments.QUICK_STEPS));
        properties.add("pantrade.fulfilment.pickup-timeout=PT20S");
        return Engine.start(dataDir, properties.toArray(String[]::new));
    }

    private static long finishedCount(Http http, List<String> orders) {
        return orders.stream()
                .map(order -> http.get("/api/orders/" + order))
                .filter(reply -> reply.status() == 200)
                .map(reply -> reply.field("status"))
                .filter(status -> status.equals("COMPLETED") || status.equals("CANCELLED"))
                .count();
    }
}
