package io.pantrade.bench;

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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop order load: C workers, each sending its next order as soon as the previous answer
 * arrived, N orders in all after a warm-up that is not counted. Prints throughput, latency
 * percentiles, errors by status, and (against the engine) how long after the last accepted order
 * the read model held every accepted order.
 */
public final class OrderLoad {

    private static final Pattern TOTAL_ELEMENTS = Pattern.compile("\"totalElements\"\\s*:\\s*(\\d+)");

    private final Options options;
    private final String[] customerIds;
    private final AtomicIntegerArray acceptedPerCustomer;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private OrderLoad(Options options) {
        this.options = options;
        this.customerIds = new String[options.customers];
        for (int i = 0; i < customerIds.length; i++) {
            customerIds[i] = UUID.randomUUID().toString();
        }
        this.acceptedPerCustomer = new AtomicIntegerArray(options.customers);
    }

    public static int run(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("order-load: " + e.getMessage());
            return 2;
        }
        return new OrderLoad(options).execute();
    }

    private int execute() throws Exception {
        long deadline = System.nanoTime() + options.load.maxSeconds() * 1_000_000_000L;
        String loadBefore = Machine.loadAverage();
        Phase warmup = options.load.warmup() > 0 ? runPhase("w", options.load.warmup(), deadline) : null;
        Phase measured = runPhase("m", options.orders, deadline);
        String lag = options.readModel ? measureReadModelLag(measured) : "not measured";
        print(warmup, measured, lag, System.nanoTime() > deadline, loadBefore);
        return 0;
    }

    // ---------------------------------------------------------------- load

    private Phase runPhase(String phaseName, int count, long deadline) throws InterruptedException {
        ClosedLoop.Outcome<Worker> outcome = ClosedLoop.run(options.load, phaseName, count, "orders", deadline,
                w -> new Worker(phaseName));
        Latency latency = new Latency();
        StatusCounts statuses = new StatusCounts();
        long lastAccepted = 0;
        long sent = 0;
        Set<Integer> tail = new HashSet<>();
        for (Worker worker : outcome.workers()) {
            latency.add(worker.latency);
            statuses.add(worker.statuses);
            lastAccepted = Math.max(lastAccepted, worker.lastAcceptedNanos);
            sent += worker.sent;
            for (int customer : worker.lastAcceptedCustomers) {
                if (customer >= 0) {
                    tail.add(customer);
                }
            }
        }
        return new Phase(sent, outcome.nanos(), latency, statuses, lastAccepted, tail);
    }

    private final class Worker implements ClosedLoop.Worker {
        private final String phaseName;
        private final HttpTransport transport = options.load.newTransport();
        private final Latency latency = new Latency();
        private final StatusCounts statuses = new StatusCounts();
        private final int[] lastAcceptedCustomers = {-1, -1, -1, -1};
        private long lastAcceptedNanos;
        private long sent;

        Worker(String phaseName) {
            this.phaseName = phaseName;
        }

        @Override
        public void iterate(int i) {
            int customer = i % customerIds.length;
            byte[] body = orderJson(customerIds[customer], i);
            String key = runId + "-" + phaseName + "-" + i;
            long t0 = System.nanoTime();
            String status;
            try {
                HttpTransport.Response response = transport.post(options.path, body, key);
                status = Integer.toString(response.status());
                if (response.status() == 201) {
                    acceptedPerCustomer.incrementAndGet(customer);
                }
            } catch (IOException | RuntimeException e) {
                status = e.getClass().getSimpleName();
            }
            long t1 = System.nanoTime();
            sent++;
            latency.record(t0, t1);
            statuses.count(status);
            if (status.equals("201")) {
                lastAcceptedNanos = t1;
                lastAcceptedCustomers[(int) (sent % lastAcceptedCustomers.length)] = customer;
            }
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    private static byte[] orderJson(String customerId, int i) {
        return ("{\"customerId\":\"" + customerId + "\","
                + "\"lines\":[{\"sku\":\"SKU-" + (1 + i % 50) + "\",\"quantity\":" + (1 + i % 3)
                + ",\"unitPrice\":{\"amountMinor\":1999,\"currency\":\"EUR\"}}],"
                + "\"deliveryAddress\":{\"recipient\":\"Ada Lovelace\",\"street\":\"1 Main St\",\"city\":\"London\","
                + "\"postalCode\":\"N1 9GU\",\"country\":\"GB\",\"phone\":\"+44 20 1234\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- read model

    /**
     * First polls the customers of the last orders each worker had accepted until their listings
     * hold all their orders (the projection handles each segment's events in order, so this is when
     * the tail of the log is visible), then sweeps every customer to confirm. A customer found
     * short in the sweep is polled until complete and its time counts too, so the figure is never
     * better than what was observed.
     */
    private String measureReadModelLag(Phase measured) throws InterruptedException {
        long expectedTotal = 0;
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < customerIds.length; c++) {
            expectedTotal += acceptedPerCustomer.get(c);
            if (acceptedPerCustomer.get(c) > 0) {
                all.add(c);
            }
        }
        if (expectedTotal == 0) {
            return "nothing accepted";
        }
        long deadline = System.nanoTime() + options.lagTimeoutSeconds * 1_000_000_000L;
        Poll tail = pollUntilVisible(new ArrayList<>(measured.tailCustomers), false, deadline);
        long sweepStart = System.nanoTime();
        Poll sweep = pollUntilVisible(all, true, deadline);
        long sweepEnd = System.nanoTime();
        if (tail.behind + sweep.behind > 0) {
            return String.format(Locale.ROOT, "NOT all visible within %d s: %d of %d customers still behind",
                    options.lagTimeoutSeconds, sweep.behind, all.size());
        }
        long visibleAt = Math.max(tail.lastVisibleAt, sweep.lastVisibleAt);
        return String.format(Locale.ROOT,
                "%.3f s after the last accepted order, all %d accepted orders visible "
                        + "(tail: %d customers; sweep of %d customers took %.2f s, %d were late%s)",
                (visibleAt - measured.lastAcceptedNanos) / 1e9, expectedTotal, measured.tailCustomers.size(),
                all.size(), (sweepEnd - sweepStart) / 1e9, sweep.late,
                tail.surplus + sweep.surplus > 0 ? "; " + (tail.surplus + sweep.surplus) + " orders MORE than accepted" : "");
    }

    private record Poll(long lastVisibleAt, int late, int behind, int surplus) {
    }

    /**
     * Polls the customers in parallel until each listing holds its accepted orders. Returns when the
     * last of them was seen complete; with {@code onlyLate}, customers complete at their first poll
     * do not count (a sweep confirms, it does not measure).
     */
    private Poll pollUntilVisible(List<Integer> customers, boolean onlyLate, long deadline) throws InterruptedException {
        ConcurrentLinkedQueue<Integer> pending = new ConcurrentLinkedQueue<>(customers);
        Set<Integer> late = ConcurrentHashMap.newKeySet();
        AtomicLong lastVisibleAt = new AtomicLong();
        AtomicInteger surplus = new AtomicInteger();
        List<Thread> pollers = new ArrayList<>();
        for (int p = 0; p < Math.min(options.load.clients(), customers.size()); p++) {
            Thread poller = new Thread(() -> {
                try (HttpTransport transport = options.load.newTransport()) {
                    Integer customer;
                    while (System.nanoTime() < deadline && (customer = pending.poll()) != null) {
                        int seen = visibleOrders(transport, customerIds[customer]);
                        long at = System.nanoTime();
                        int expected = acceptedPerCustomer.get(customer);
                        if (seen >= expected) {
                            surplus.addAndGet(seen - expected);
                            if (!onlyLate || late.contains(customer)) {
                                lastVisibleAt.accumulateAndGet(at, Math::max);
                            }
                        } else {
                            late.add(customer);
                            pending.add(customer);
                            if (pending.size() <= options.load.clients()) {
                                pause();
                            }
                        }
                    }
                }
            }, "read-model-poller-" + p);
            pollers.add(poller);
            poller.start();
        }
        for (Thread poller : pollers) {
            poller.join();
        }
        return new Poll(lastVisibleAt.get(), late.size(), pending.size(), surplus.get());
    }

    private static int visibleOrders(HttpTransport transport, String customerId) {
        try {
            HttpTransport.Response response = transport.get("/api/customers/" + customerId + "/orders?page=0&size=1");
            if (response.status() == 200) {
                Matcher m = TOTAL_ELEMENTS.matcher(response.body());
                return m.find() ? Integer.parseInt(m.group(1)) : 0;
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- report

    private void print(Phase warmup, Phase phase, String lag, boolean hitDeadline, String loadBefore) {
        double seconds = phase.seconds();
        long accepted = phase.statuses.get("201");
        System.out.printf(Locale.ROOT, "== order load: %s  %s%s ==%n", options.load.label(), options.load.base(), options.path);
        if (warmup != null) {
            System.out.printf(Locale.ROOT, "warm-up     %d orders in %.1f s, not counted (%d errors)%n",
                    warmup.sent, warmup.seconds(), warmup.errors());
        }
        System.out.printf(Locale.ROOT, "orders      %d sent, %d accepted%s%n",
                phase.sent, accepted, hitDeadline ? "  STOPPED AT --max-seconds" : "");
        System.out.printf(Locale.ROOT, "clients     %d (closed loop, transport %s)%n", options.load.clients(),
                options.load.transport());
        System.out.printf(Locale.ROOT, "duration    %.2f s%n", seconds);
        System.out.printf(Locale.ROOT, "throughput  %.0f orders/s%n", accepted / seconds);
        System.out.println("latency ms  " + phase.latency.summary());
        System.out.printf(Locale.ROOT, "errors      %d  statuses %s%n", phase.errors(), phase.statuses);
        System.out.printf(Locale.ROOT, "read model  %s%n", lag);
        System.out.println(Machine.describe(loadBefore));
    }

    private record Phase(long sent, long nanos, Latency latency, StatusCounts statuses, long lastAcceptedNanos,
                         Set<Integer> tailCustomers) {
        double seconds() {
            return nanos / 1e9;
        }

        long errors() {
            return sent - statuses.get("201");
        }
    }

    // ---------------------------------------------------------------- options

    private record Options(LoadSettings load, String path, int orders, int customers, boolean readModel,
                           long lagTimeoutSeconds) {

        static Options parse(String[] args) {
            CommandLine line = CommandLine.parse(args, LoadSettings.defaultsWith(Map.of(
                    "path", "/api/orders", "orders", "50000", "customers", "1000", "read-model", "auto",
                    "lag-timeout-seconds", "120")));
            String path = line.text("path");
            boolean readModel = switch (line.text("read-model")) {
                case "on" -> true;
                case "off" -> false;
                case "auto" -> path.equals("/api/orders");
                default -> throw new IllegalArgumentException("--read-model is auto, on or off");
            };
            return new Options(LoadSettings.from(line), path, line.positive("orders"), line.positive("customers"),
                    readModel, line.positive("lag-timeout-seconds"));
        }
    }
}
