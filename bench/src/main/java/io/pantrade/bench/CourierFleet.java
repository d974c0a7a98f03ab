package io.pantrade.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated couriers for the lifecycle load: N couriers on shift next to the pickup point, played by
 * a few threads. Each thread goes round its couriers, reads what each holds ({@code GET
 * /api/couriers/{id}}, the roster read model, as a courier's app would) and takes every delivery it
 * has not finished through accept → pick-up → deliver, then pauses before its next round. A step
 * the engine refuses is tried again at the next round under a fresh Idempotency-Key. Whoever waits
 * for a delivery ({@link #awaitDelivered}) is told in-process once the deliver step was answered.
 */
final class CourierFleet implements AutoCloseable {

    /** Where every order's parcel is picked up (Alexanderplatz, Berlin). */
    static final double PICKUP_LATITUDE = 52.5219;
    static final double PICKUP_LONGITUDE = 13.4132;

    private static final Pattern HELD = Pattern.compile("\"deliveries\"\\s*:\\s*\\[([^\\]]*)]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final String[] STEPS = {"accept", "pick-up", "deliver"};
    private static final String[] BODIES = {"{}", "{}", "{\"signatureReference\":\"bench\"}"};

    private final LoadSettings load;
    private final String runId;
    private final int pauseMillis;
    private final List<String> couriers = new ArrayList<>();
    /** per delivery being worked on: {next step, failed attempts at it}; touched by the thread of its courier */
    private final Map<String, int[]> progress = new ConcurrentHashMap<>();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final Map<String, Handover> handovers = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<StatusCounts> statuses = new ArrayList<>();
    private volatile boolean running;

    /** A delivery's end, as its waiting customer learns it. */
    private static final class Handover {
        final CountDownLatch done = new CountDownLatch(1);
        volatile long deliveredAt;
    }

    CourierFleet(LoadSettings load, String runId, int pauseMillis) {
        this.load = load;
        this.runId = runId;
        this.pauseMillis = pauseMillis;
    }

    /** Registers the couriers and starts their shifts. @return null, or why it failed */
    String onShift(int count, int capacity) {
        try (HttpTransport transport = load.newTransport()) {
            for (int i = 0; i < count; i++) {
                Answer registered = post(transport, "/api/couriers",
                        "{\"name\":\"Courier " + i + "\",\"capacity\":" + capacity + "}", runId + "-courier-" + i);
                String courierId = registered.field("courierId");
                if (!registered.status().equals("201") || courierId == null) {
                    return "courier registration: " + registered.status();
                }
                Answer started = post(transport, "/api/couriers/" + courierId + "/shift/start",
                        String.format(Locale.ROOT, "{\"latitude\":%.6f,\"longitude\":%.6f}",
                                PICKUP_LATITUDE + (i % 20) * 0.0005, PICKUP_LONGITUDE + (i / 20) * 0.0005),
                        runId + "-shift-" + i);
                if (!started.status().equals("202")) {
                    return "shift start: " + started.status();
                }
                couriers.add(courierId);
            }
        }
        return null;
    }

    void start(int threadCount) {
        running = true;
        for (int t = 0; t < threadCount; t++) {
            List<String> mine = new ArrayList<>();
            for (int c = t; c < couriers.size(); c += threadCount) {
                mine.add(couriers.get(c));
            }
            StatusCounts counts = new StatusCounts();
            statuses.add(counts);
            Thread thread = new Thread(() -> drive(mine, counts), "couriers-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Waits up to {@code timeoutNanos} for the delivery's deliver step to be answered.
     * @return when it was answered ({@link System#nanoTime()}), or -1
     */
    long awaitDelivered(String deliveryId, long timeoutNanos) throws InterruptedException {
        Handover handover = handovers.computeIfAbsent(deliveryId, id -> new Handover());
        return handover.done.await(timeoutNanos, TimeUnit.NANOSECONDS) ? handover.deliveredAt : -1;
    }

    /** The customer no longer waits: forget the delivery's handover. */
    void forget(String deliveryId) {
        handovers.remove(deliveryId);
    }

    /** The answers to every courier step and roster read, by step and status. */
    StatusCounts statuses() {
        StatusCounts all = new StatusCounts();
        statuses.forEach(all::add);
        return all;
    }

    private void drive(List<String> mine, StatusCounts counts) {
        try (HttpTransport transport = load.newTransport()) {
            while (running) {
                for (String courierId : mine) {
                    for (String deliveryId : held(transport, courierId, counts)) {
                        if (!delivered.contains(deliveryId)) {
                            advance(transport, courierId, deliveryId, counts);
                        }
                    }
                }
                Thread.sleep(pauseMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> held(HttpTransport transport, String courierId, StatusCounts counts) {
        List<String> deliveries = new ArrayList<>();
        try {
            HttpTransport.Response response = transport.get("/api/couriers/" + courierId);
            if (response.status() != 200) {
                counts.count("roster " + response.status());
                return deliveries;
            }
            Matcher list = HELD.matcher(response.body());
            if (list.find()) {
                Matcher id = QUOTED.matcher(list.group(1));
                while (id.find()) {
                    deliveries.add(id.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            counts.count("roster " + e.getClass().getSimpleName());
        }
        return deliveries;
    }

    /** Takes the delivery as far as the engine lets it now; what it refuses waits for the next round. */
    private void advance(HttpTransport transport, String courierId, String deliveryId, StatusCounts counts) {
        int[] state = progress.computeIfAbsent(deliveryId, id -> new int[2]);
        String base = "/api/couriers/" + courierId + "/deliveries/" + deliveryId + "/";
        while (state[0] < STEPS.length) {
            String path = base + STEPS[state[0]];
            Answer answer = post(transport, path, BODIES[state[0]], key(path, state[1]));
            counts.count(STEPS[state[0]] + " " + answer.status());
            if (!answer.status().startsWith("2")) {
                state[1]++;
                return;
            }
            state[0]++;
            state[1] = 0;
        }
        long at = System.nanoTime();
        progress.remove(deliveryId);
        delivered.add(deliveryId);
        Handover handover = handovers.computeIfAbsent(deliveryId, id -> new Handover());
        handover.deliveredAt = at;
        handover.done.countDown();
    }

    /** The same step tried again after a refusal needs a new key: the refusal is kept under the old one. */
    private String key(String path, int attempt) {
        return UUID.nameUUIDFromBytes((runId + path + "#" + attempt).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Answer post(HttpTransport transport, String path, String body, String key) {
        try {
            return Answer.of(transport.post(path, body.getBytes(StandardCharsets.UTF_8), key));
        } catch (IOException | RuntimeException e) {
            return Answer.failed(e);
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
