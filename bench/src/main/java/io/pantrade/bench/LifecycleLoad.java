package io.pantrade.bench;

import io.pantrade.kernel.fulfilment.FulfilmentIds;
import io.pantrade.kernel.order.OrderId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop full-lifecycle load: C customers' clients, each placing an order with a fulfilment
 * block and waiting until the engine reports it COMPLETED before placing the next; the engine has
 * the simulated provider authorize it, creates the delivery and dispatches a courier of the
 * {@link CourierFleet}, which accepts, picks up and delivers it; then the payment is captured and
 * the order completed. N orders after a warm-up that is not counted.
 *
 * <p>How completion is observed: the client first waits, in-process and without any request, for
 * the fleet to have its deliver step answered (or for a second to pass, after which it looks at the
 * order once, so a cancelled order is noticed); then it opens the order's update stream
 * ({@code GET /api/orders/{id}/updates}, server-sent events), which the engine ends once the order is
 * COMPLETED or CANCELLED. The latency is from just before the POST to the end of that stream.
 */
public final class LifecycleLoad {

    private static final long SLICE_NANOS = 1_000_000_000L;
    private static final long STREAM_RETRY_PAUSE_MILLIS = 100;
    private static final Pattern STREAMED_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    private final Options options;
    private final PaymentClient client;
    private final CourierFleet fleet;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final String[] customerIds;
    private final String[] cardTokens;
    private final AtomicReference<Instant> firstOrderAt = new AtomicReference<>();
    private volatile String lastCompleted;

    private LifecycleLoad(Options options, PaymentClient client) {
        this.options = options;
        this.client = client;
        this.fleet = new CourierFleet(options.load, runId, options.courierPauseMillis);
        this.customerIds = new String[options.customers];
        this.cardTokens = new String[options.customers];
    }

    public static int run(String[] args) throws Exception {
        return PaymentClient.runScenario("lifecycle-load", args, Options.DEFAULTS,
                (line, client) -> new LifecycleLoad(Options.from(line), client)::execute);
    }

    private int execute() throws Exception {
        String loadBefore = Machine.loadAverage();
        String refused = client.registerCards(options.load, runId, customerIds, cardTokens);
        if (refused == null) {
            refused = fleet.onShift(options.couriers, options.capacity);
        }
        if (refused != null) {
            System.err.println("lifecycle-load: set-up refused, nothing measured: " + refused);
            return 1;
        }
        long deadline = System.nanoTime() + options.load.maxSeconds() * 1_000_000_000L;
        fleet.start(options.courierThreads);
        Phase warmup;
        Phase measured;
        try {
            warmup = options.load.warmup() > 0 ? runPhase("w", options.load.warmup(), deadline) : null;
            measured = runPhase("m", options.orders, deadline);
        } finally {
            fleet.close();
        }
        print(warmup, measured, System.nanoTime() > deadline, loadBefore);
        System.out.println("timeline    " + timeline(lastCompleted));
        return 0;
    }

    // ---------------------------------------------------------------- load

    private Phase runPhase(String phaseName, int count, long deadline) throws InterruptedException {
        ClosedLoop.Outcome<Worker> outcome = ClosedLoop.run(options.load, phaseName, count, "orders", deadline,
                w -> new Worker(phaseName, deadline));
        Tally tally = new Tally();
        outcome.workers().forEach(worker -> tally.add(worker.tally));
        return new Phase(tally, outcome.nanos());
    }

    /** What a worker measured; a phase adds its workers' up. */
    private static final class Tally {
        final Latency completed = new Latency();
        final Latency delivered = new Latency();
        final Latency placed = new Latency();
        final StatusCounts outcomes = new StatusCounts();
        long statusReads;
        long updateStreams;

        void add(Tally other) {
            completed.add(other.completed);
            delivered.add(other.delivered);
            placed.add(other.placed);
            outcomes.add(other.outcomes);
            statusReads += other.statusReads;
            updateStreams += other.updateStreams;
        }

        long count(String outcome) {
            return outcomes.get(outcome);
        }
    }

    private final class Worker implements ClosedLoop.Worker {
        private final Tally tally = new Tally();
        private final String phaseName;
        private final long deadline;
        private final HttpTransport transport = options.load.newTransport();

        Worker(String phaseName, long deadline) {
            this.phaseName = phaseName;
            this.deadline = deadline;
        }

        @Override
        public void iterate(int i) {
            int customer = i % customerIds.length;
            Instant now = Instant.now();
            firstOrderAt.compareAndSet(null, now);
            byte[] body = orderJson(customerIds[customer], cardTokens[customer], now);
            long sentAt = System.nanoTime();
            Answer placed;
            try {
                placed = Answer.of(transport.post("/api/orders", body, runId + "-" + phaseName + "-" + i));
            } catch (IOException | RuntimeException e) {
                placed = Answer.failed(e);
            }
            long placedAt = System.nanoTime();
            String orderId = placed.field("orderId");
            if (!placed.status().equals("201") || orderId == null) {
                tally.outcomes.count("place " + placed.status());
                return;
            }
            tally.placed.record(sentAt, placedAt);
            try {
                tally.outcomes.count(awaitEnd(orderId, sentAt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tally.outcomes.count("interrupted");
            }
        }

        /** @return COMPLETED, CANCELLED or why it was not seen to end */
        private String awaitEnd(String orderId, long sentAt) throws InterruptedException {
            String deliveryId = FulfilmentIds.deliveryOf(new OrderId(orderId)).value();
            long giveUpAt = Math.min(deadline, sentAt + options.finishTimeoutSeconds * 1_000_000_000L);
            try {
                long deliveredAt = -1;
                while (deliveredAt < 0) {
                    long now = System.nanoTime();
                    if (now > giveUpAt) {
                        return "not delivered within the timeout";
                    }
                    deliveredAt = fleet.awaitDelivered(deliveryId, Math.min(SLICE_NANOS, giveUpAt - now));
                    if (deliveredAt < 0 && status(orderId).equals("CANCELLED")) {
                        return "CANCELLED";
                    }
                }
                tally.delivered.record(sentAt, deliveredAt);
                while (System.nanoTime() < giveUpAt) {
                    String status = finalStatus(orderId);
                    if (status.equals("COMPLETED") || status.equals("CANCELLED")) {
                        if (status.equals("COMPLETED")) {
                            tally.completed.record(sentAt, System.nanoTime());
                            lastCompleted = orderId;
                        }
                        return status;
                    }
                    Thread.sleep(STREAM_RETRY_PAUSE_MILLIS);
                }
                return "delivered, not completed within the timeout";
            } finally {
                fleet.forget(deliveryId);
            }
        }

        /**
         * Follows the order's update stream to its end: the last status it told, or why it told none
         * (the engine ends a stream after a timeout of its own; the caller then opens another).
         */
        private String finalStatus(String orderId) {
            tally.updateStreams++;
            try {
                HttpTransport.Response stream = transport.get("/api/orders/" + orderId + "/updates", "text/event-stream");
                if (stream.status() != 200) {
                    return "stream " + stream.status();
                }
                Matcher status = STREAMED_STATUS.matcher(stream.body());
                String last = "stream without a status";
                while (status.find()) {
                    last = status.group(1);
                }
                return last;
            } catch (IOException | RuntimeException e) {
                return "stream " + e.getClass().getSimpleName();
            }
        }

        private String status(String orderId) {
            tally.statusReads++;
            try {
                Answer order = Answer.of(transport.get("/api/orders/" + orderId));
                String status = order.field("status");
                return order.status().equals("200") && status != null ? status : "read " + order.status();
            } catch (IOException | RuntimeException e) {
                return "read " + e.getClass().getSimpleName();
            }
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    /** Two items for 25.00 EUR, paid by the customer's card, picked up next to the fleet. */
    private static byte[] orderJson(String customerId, String cardToken, Instant now) {
        return ("{\"customerId\":\"" + customerId + "\","
                + "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":{\"amountMinor\":1250,\"currency\":\"EUR\"}}],"
                + "\"deliveryAddress\":{\"recipient\":\"Ada Lovelace\",\"street\":\"1 Main St\",\"city\":\"Berlin\","
                + "\"postalCode\":\"10178\",\"country\":\"DE\"},"
                + "\"fulfilment\":{\"merchantId\":\"" + PaymentClient.MERCHANT_ID + "\",\"paymentMethodToken\":\"" + cardToken + "\","
                + "\"pickup\":{\"latitude\":" + CourierFleet.PICKUP_LATITUDE + ",\"longitude\":" + CourierFleet.PICKUP_LONGITUDE + "},"
                + "\"window\":{\"from\":\"" + now + "\",\"to\":\"" + now.plus(Duration.ofHours(2)) + "\"},"
                + "\"parcelSize\":\"SMALL\"}}").getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- report

    private static final Pattern STEP = Pattern.compile("\"step\"\\s*:\\s*\"([^\"]+)\"[^}]*?\"at\"\\s*:\\s*\"([^\"]+)\"");

    /** Where the time of one order went: its fulfilment timeline's steps, in ms after the first (event times). */
    private String timeline(String orderId) {
        if (orderId == null) {
            return "no order completed";
        }
        try (HttpTransport transport = options.load.newTransport()) {
            HttpTransport.Response response = transport.get("/api/orders/" + orderId + "/fulfilment");
            StringBuilder steps = new StringBuilder("last completed order, ms after its first step:");
            Matcher step = STEP.matcher(response.body());
            Instant first = null;
            while (step.find()) {
                Instant at = Instant.parse(step.group(2));
                first = first == null ? at : first;
                steps.append(' ').append(step.group(1)).append(" +").append(Duration.between(first, at).toMillis());
            }
            return steps.toString();
        } catch (IOException | RuntimeException e) {
            return "not read: " + e.getClass().getSimpleName();
        }
    }

    private record Phase(Tally tally, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }

        long started() {
            return tally.outcomes.total();
        }

        long accepted() {
            return started() - tally.outcomes.total("place ");
        }
    }

    private void print(Phase warmup, Phase measured, boolean hitDeadline, String loadBefore) {
        Tally phase = measured.tally;
        long completed = phase.count("COMPLETED");
        System.out.printf(Locale.ROOT, "== lifecycle load: %s  %s  order -> paid -> delivered -> completed ==%n",
                options.load.label(), options.load.base());
        System.out.printf(Locale.ROOT, "set-up      %d customers with a card (signed with %s), %d couriers on shift with "
                        + "capacity %d, played by %d threads; the delivery board read every %d ms; not measured%n",
                customerIds.length, client.describe(), options.couriers, options.capacity, options.courierThreads,
                options.courierPauseMillis);
        if (warmup != null) {
            System.out.printf(Locale.ROOT, "warm-up     %d orders in %.1f s, not counted: %s%n", warmup.started(),
                    warmup.seconds(), warmup.tally.outcomes);
        }
        System.out.printf(Locale.ROOT, "orders      %d placed, %d completed%s%n", measured.started(), completed,
                hitDeadline ? "  STOPPED AT --max-seconds" : "");
        System.out.printf(Locale.ROOT, "clients     %d (closed loop: each waits for its order to complete, transport %s)%n",
                options.load.clients(), options.load.transport());
        System.out.printf(Locale.ROOT, "duration    %.2f s%n", measured.seconds());
        System.out.printf(Locale.ROOT, "throughput  %.1f completed orders/s%n", completed / measured.seconds());
        System.out.println("latency ms  completed  " + phase.completed.summary() + "  POST sent -> update stream ended COMPLETED");
        System.out.println("            delivered  " + phase.delivered.summary() + "  POST sent -> courier's deliver answered");
        System.out.println("            placed     " + phase.placed.summary() + "  the POST alone");
        double orders = Math.max(1, measured.started());
        System.out.printf(Locale.ROOT, "observing   %.2f update streams per order once delivered, %.2f order reads per order before%n",
                phase.updateStreams / orders, phase.statusReads / orders);
        System.out.printf(Locale.ROOT, "outcomes    %s%n", phase.outcomes);
        System.out.printf(Locale.ROOT, "not ended   %d orders (not completed or cancelled within %d s)%n",
                phase.outcomes.total("not ") + phase.outcomes.total("delivered, not"), options.finishTimeoutSeconds);
        System.out.printf(Locale.ROOT, "couriers    %s%n", fleet.statuses());
        long accepted = measured.accepted() + (warmup == null ? 0 : warmup.accepted());
        Instant first = firstOrderAt.get();
        System.out.printf(Locale.ROOT, "placed      %d orders accepted in all (warm-up included), the first at %s%n",
                accepted, first == null ? "-" : first.truncatedTo(ChronoUnit.MILLIS));
        System.out.println(Machine.describe(loadBefore));
    }

    // ---------------------------------------------------------------- options

    private record Options(LoadSettings load, int orders, int customers, int couriers, int capacity,
                           int courierThreads, int courierPauseMillis, int finishTimeoutSeconds) {

        static final Map<String, String> DEFAULTS = Map.of(
                "orders", "3000", "customers", "500", "couriers", "50", "capacity", "4", "courier-threads", "2",
                "courier-pause-ms", "20", "finish-timeout-seconds", "60");

        static Options from(CommandLine line) {
            return new Options(LoadSettings.from(line), line.positive("orders"), line.positive("customers"),
                    line.positive("couriers"), line.positive("capacity"), line.positive("courier-threads"),
                    line.positive("courier-pause-ms"),
                    line.positive("finish-timeout-seconds"));
        }
    }
}
