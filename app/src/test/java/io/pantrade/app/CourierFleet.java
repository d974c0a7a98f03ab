package io.pantrade.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Couriers played over HTTP: registered, on shift at the pickup point, and on a thread of their own
 * they look at what they hold (the roster read model) and do what each delivery's fate says:
 * accept, pick up, deliver; accept, pick up, fail; or never come.
 */
final class CourierFleet implements AutoCloseable {

    private final Http http;
    private final Fulfilments fulfilments;
    private final List<String> couriers = new ArrayList<>();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread driver;

    CourierFleet(Http http, Fulfilments fulfilments) {
        this.http = http;
        this.fulfilments = fulfilments;
    }

    /** Registers {@code count} couriers and starts their shifts. */
    CourierFleet onShift(int count, int capacity) {
        for (int i = 0; i < count; i++) {
            Http.Reply registered = http.post("/api/couriers", UUID.randomUUID().toString(),
                    "{\"name\":\"Courier " + i + "\",\"capacity\":" + capacity + "}");
            String courierId = registered.field("courierId");
            expectAccepted(http.post("/api/couriers/" + courierId + "/shift/start", UUID.randomUUID().toString(),
                    "{\"latitude\":%s,\"longitude\":%s}".formatted(Fulfilments.PICKUP_LATITUDE + i * 0.001,
                            Fulfilments.PICKUP_LONGITUDE)));
            couriers.add(courierId);
        }
        return this;
    }

    List<String> couriers() {
        return List.copyOf(couriers);
    }

    /** Couriers of an engine started again: the same ones, through the new engine's API. */
    CourierFleet sameCouriers(CourierFleet before) {
        couriers.addAll(before.couriers);
        handled.addAll(before.handled);
        return this;
    }

    void start() {
        running.set(true);
        driver = new Thread(() -> {
            while (running.get()) {
                couriers.forEach(this::work);
                sleep();
            }
        }, "courier-fleet");
        driver.setDaemon(true);
        driver.start();
    }

    private void work(String courierId) {
        Http.Reply courier = http.get("/api/couriers/" + courierId);
        if (courier.status() != 200 || !running.get()) {
            return;
        }
        for (JsonNode held : courier.json().path("deliveries")) {
            String deliveryId = held.asText();
            Fulfilments.Fate fate = fulfilments.fateOfDelivery(deliveryId);
            if (fate == null || fate == Fulfilments.Fate.COURIER_NO_SHOW || handled.contains(deliveryId)) {
                continue;
            }
            String base = "/api/couriers/" + courierId + "/deliveries/" + deliveryId;
            act(base + "/accept", "{}");
            act(base + "/pick-up", "{}");
            if (fate == Fulfilments.Fate.PICKED_UP) {
                handled.add(deliveryId);
                continue;
            }
            if (fate == Fulfilments.Fate.DELIVERY_FAILED) {
                act(base + "/fail", "{\"reason\":\"nobody at the door\"}");
            } else {
                act(base + "/deliver", "{\"signatureReference\":\"sig-1\"}");
            }
            handled.add(deliveryId);
        }
    }

    /** The Idempotency-Key names the step, so doing it again (after a restart) answers as the first time. */
    private void act(String path, String body) {
        http.post(path, UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)).toString(), body);
    }

    private static void expectAccepted(Http.Reply reply) {
        if (reply.status() != 202) {
            throw new IllegalStateException("courier step refused: " + reply);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (driver != null) {
            try {
                driver.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
