package io.pantrade.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Simulated couriers for the lifecycle load: N couriers on shift next to the pickup point. Every
 * {@code pauseMillis} one thread reads the deliveries just assigned to a courier ({@code GET
 * /api/deliveries?status=ASSIGNED}, the delivery board, one request for the whole fleet: polling
 * each courier's roster cost the engine more than the orders did) and hands them to a few worker
 * threads, which take each through accept → pick-up → deliver as its courier. A step the engine
 * refuses is tried again after a pause under a fresh Idempotency-Key. Whoever waits for a delivery
 * ({@link #awaitDelivered}) is told in-process once its deliver step was answered.
 */
final class CourierFleet implements AutoCloseable {

    /** Where every order's parcel is picked up (Alexanderplatz, Berlin). */
    static final double PICKUP_LATITUDE = 52.5219;
    static final double PICKUP_LONGITUDE = 13.4132;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STEPS = {"accept", "pick-up", "deliver"};
    private static final String[] BODIES = {"{}", "{}", "{\"signatureReference\":\"bench\"}"};

    private final LoadSettings load;
    private final String runId;
    private final int pauseMillis;
    private final Set<String> couriers = new HashSet<>();
    /** deliveries a worker is taking through its steps or will, by id: never handed out twice */
    private final Map<String, Work> taken = new ConcurrentHashMap<>();
    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final Map<String, Handover> handovers = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<StatusCounts> statuses = new ArrayList<>();
    private volatile boolean running;

    /** A delivery to take through its steps as its courier; a worker at a time. */
    private static final class Work {
        final String courierId;
        final String deliveryId;
        int step;
        int failures;
        long notBefore;

        Work(String courierId, String deliveryId) {
            this.courierId = courierId;
            this.deliveryId = deliveryId;
        }
    }

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

    /** Starts the board reader and {@code workers} threads doing the couriers' steps. */
    void start(int workers) {
        running = true;
        StatusCounts boardCounts = new StatusCounts();
        statuses.add(boardCounts);
        startThread("couriers-board", () -> readBoard(boardCounts));
        for (int t = 0; t < workers; t++) {
            StatusCounts counts = new StatusCounts();
            statuses.add(counts);
            startThread("couriers-" + t, () -> work(counts));
        }
    }

    private void startThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
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

    /** The answers to every courier step and board read, by step and status. */
    StatusCounts statuses() {
        StatusCounts all = new StatusCounts();
        statuses.forEach(all::add);
        return all;
    }

    private void readBoard(StatusCounts counts) {
        try (HttpTransport transport = load.newTransport()) {
            while (running) {
                String after = null;
                do {
                    after = readBoardPage(transport, after, counts);
                } while (after != null && running);
                Thread.sleep(pauseMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues the page's deliveries not taken yet. @return the next page's cursor, or null */
    private String readBoardPage(HttpTransport transport, String after, StatusCounts counts) {
        try {
            HttpTransport.Response response = transport.get("/api/deliveries?status=ASSIGNED&limit=200"
                    + (after == null ? "" : "&after=" + after));
            counts.count("board " + response.status());
            if (response.status() != 200) {
                return null;
            }
            JsonNode page = JSON.readTree(response.body());
            for (JsonNode delivery : page.path("deliveries")) {
                String deliveryId = delivery.path("deliveryId").asText();
                String courierId = delivery.path("courierId").asText();
                if (couriers.contains(courierId) && !taken.containsKey(deliveryId)) {
                    Work work = new Work(courierId, deliveryId);
                    taken.put(deliveryId, work);
                    queue.add(work);
                }
            }
            return page.path("next").isTextual() ? page.path("next").asText() : null;
        } catch (IOException | RuntimeException e) {
            counts.count("board " + e.getClass().getSimpleName());
            return null;
        }
    }

    private void work(StatusCounts counts) {
        try (HttpTransport transport = load.newTransport()) {
            while (running) {
                Work work = queue.poll(100, TimeUnit.MILLISECONDS);
                if (work == null) {
                    continue;
                }
                long wait = work.notBefore - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, 100_000_000L));
                    queue.add(work);
                } else if (!advance(transport, work, counts)) {
                    work.notBefore = System.nanoTime() + pauseMillis * 1_000_000L;
                    queue.add(work);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Takes the delivery as far as the engine lets it now. @return whether it is delivered */
    private boolean advance(HttpTransport transport, Work work, StatusCounts counts) {
        String base = "/api/couriers/" + work.courierId + "/deliveries/" + work.deliveryId + "/";
        while (work.step < STEPS.length) {
            String path = base + STEPS[work.step];
            Answer answer = post(transport, path, BODIES[work.step], key(path, work.failures));
            counts.count(STEPS[work.step] + " " + answer.status());
            if (!answer.status().startsWith("2")) {
                work.failures++;
                return false;
            }
            work.step++;
            work.failures = 0;
        }
        Handover handover = handovers.computeIfAbsent(work.deliveryId, id -> new Handover());
        handover.deliveredAt = System.nanoTime();
        handover.done.countDown();
        return true;
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
