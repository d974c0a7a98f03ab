package io.pantrade.app;

import io.pantrade.kernel.delivery.ParcelSize;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A courier's snapshot keeps what the courier holds: after a restart, loaded from its snapshot, the
 * courier still refuses a parcel that no longer fits.
 */
class CourierSnapshotTest {

    @TempDir
    Path dataDir;

    @Test
    void a_courier_loaded_from_its_snapshot_after_a_restart_still_knows_its_load() {
        String courierId;
        try (Engine engine = start()) {
            Couriers couriers = couriers(engine);
            courierId = couriers.onShift(3);
            for (int i = 0; i < 2; i++) {
                assertThat(couriers.assign(couriers.delivery(ParcelSize.SMALL), courierId).status()).isEqualTo(202);
            }
            for (int i = 0; i < 4; i++) {
                assertThat(engine.http().post("/api/couriers/" + courierId + "/location",
                        Couriers.location(52.52 + i * 0.001, 13.405)).status()).isEqualTo(202);
            }
            String id = courierId;
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> engine.bean(EventStorageEngine.class).readSnapshot(id).isPresent());
        }

        try (Engine engine = start()) {
            Couriers couriers = couriers(engine);
            assertProblem(couriers.assign(couriers.delivery(ParcelSize.MEDIUM), courierId), 409,
                    "courier.capacity-exceeded");
            assertThat(couriers.assign(couriers.delivery(ParcelSize.SMALL), courierId).status()).isEqualTo(202);
        }
    }

    private Engine start() {
        return Engine.start(dataDir, "pantrade.couriers.snapshot-every=4", "pantrade.dispatch.enabled=false");
    }

    private static Couriers couriers(Engine engine) {
        return new Couriers(engine.http(), engine.bean(CommandGateway.class), engine.bean(EventStore.class));
    }
}
