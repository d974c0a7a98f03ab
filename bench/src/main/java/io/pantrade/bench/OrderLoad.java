package io.pantrade.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
    private static final long HIGHEST_TRACKABLE_MICROS = 120_000_000L;

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
        long deadline = System.nanoTime() + options.maxSeconds * 1_000_000_000L;
        String loadBefore = loadAverage();
        Phase warmup = options.warmup > 0 ? runPhase("w", options.warmup, deadline) : null;
        Phase measured = runPhase("m", options.orders, deadline);
        String lag = options.readModel ? measureReadModelLag(measured) : "not measured";
        print(warmup, measured, lag, System.nanoTime() > deadline, loadBefore);
        return 0;
    }

    // ---------------------------------------------------------------- load

    private Phase runPhase(String phaseName, int count, long deadline) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < options.clients; w++) {
            workers.add(new Worker(phaseName, count, next, deadline));
        }
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers.size(); w++) {
            Thread thread = new Thread(workers.get(w), "load-" + phaseName + "-" + w);
            threads.add(thread);
            thread.start();
        }
        Thread progress = startProgressReport(phaseName, next, count);
        for (Thread thread : threads) {
            thread.join();
        }
        long end = System.nanoTime();
        progress.interrupt();

        Histogram latency = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
        Map<String, Long> statuses = new TreeMap<>();
        long lastAccepted = 0;
        long sent = 0;
        Set<Integer> tail = new HashSet<>();
        for (Worker worker : workers) {
            latency.add(worker.latency);
            worker.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            lastAccepted = Math.max(lastAccepted, worker.lastAcceptedNanos);
            sent += worker.sent;
            for (int customer : worker.lastAcceptedCustomers) {
                if (customer >= 0) {
                    tail.add(customer);
                }
            }
            worker.transport.close();
        }
        return new Phase(sent, end - start, latency, statuses, lastAccepted, tail);
    }

    private final class Worker implements Runnable {
        private final String phaseName;
        private final int count;
        private final AtomicInteger next;
        private final long deadline;
        private final HttpTransport transport = options.newTransport();
        private final Histogram latency = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
        private final Map<String, Long> statuses = new HashMap<>();
        private final int[] lastAcceptedCustomers = {-1, -1, -1, -1};
        private long lastAcceptedNanos;
        private long sent;

        Worker(String phaseName, int count, AtomicInteger next, long deadline) {
            this.phaseName = phaseName;
            this.count = count;
            this.next = next;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                if (System.nanoTime() > deadline) {
                    return;
                }
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
                latency.recordValue(Math.min(HIGHEST_TRACKABLE_MICROS, Math.max(1, (t1 - t0) / 1_000)));
                statuses.merge(status, 1L, Long::sum);
                if (status.equals("201")) {
                    lastAcceptedNanos = t1;
                    lastAcceptedCustomers[(int) (sent % lastAcceptedCustomers.length)] = customer;
                }
            }
        }
    }

    /** Every --progress-seconds, the rate of the last interval on stderr: shows warm-up and stalls. */
    private Thread startProgressReport(String phaseName, AtomicInteger next, int count) {
        Thread reporter = new Thread(() -> {
            long t0 = System.nanoTime();
            long lastAt = t0;
            int lastClaimed = 0;
            try {
                while (true) {
                    Thread.sleep(options.progressSeconds * 1000L);
                    long now = System.nanoTime();
                    int claimed = Math.min(next.get(), count);
                    System.err.printf(Locale.ROOT, "[%s] %s %5.0f s  %6d/%d  %6.0f orders/s%n", options.label,
                            phaseName.equals("w") ? "warm-up" : "load   ", (now - t0) / 1e9, claimed, count,
                            (claimed - lastClaimed) / ((now - lastAt) / 1e9));
                    lastAt = now;
                    lastClaimed = claimed;
                }
            } catch (InterruptedException e) {
                // phase over
            }
        }, "load-progress");
        reporter.setDaemon(true);
        if (options.progressSeconds > 0) {
            reporter.start();
        }
        return reporter;
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
        for (int p = 0; p < Math.min(options.clients, customers.size()); p++) {
            Thread poller = new Thread(() -> {
                try (HttpTransport transport = options.newTransport()) {
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
                            if (pending.size() <= options.clients) {
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
        Histogram h = phase.latency;
        double seconds = phase.seconds();
        long accepted = phase.statuses.getOrDefault("201", 0L);
        System.out.printf(Locale.ROOT, "== order load: %s  %s%s ==%n", options.label, options.base, options.path);
        if (warmup != null) {
            System.out.printf(Locale.ROOT, "warm-up     %d orders in %.1f s, not counted (%d errors)%n",
                    warmup.sent, warmup.seconds(), warmup.errors());
        }
        System.out.printf(Locale.ROOT, "orders      %d sent, %d accepted%s%n",
                phase.sent, accepted, hitDeadline ? "  STOPPED AT --max-seconds" : "");
        System.out.printf(Locale.ROOT, "clients     %d (closed loop, transport %s)%n", options.clients, options.transport);
        System.out.printf(Locale.ROOT, "duration    %.2f s%n", seconds);
        System.out.printf(Locale.ROOT, "throughput  %.0f orders/s%n", accepted / seconds);
        System.out.printf(Locale.ROOT, "latency ms  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (mean %.2f)%n",
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()), h.getMean() / 1000.0);
        System.out.printf(Locale.ROOT, "errors      %d  statuses %s%n", phase.errors(), phase.statuses);
        System.out.printf(Locale.ROOT, "read model  %s%n", lag);
        System.out.printf(Locale.ROOT, "machine     %d cpus shared with the load generator; load average %s before, %s after%n",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
    }

    /** The 1-minute load average, to show when other processes were competing for the cores. */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private record Phase(long sent, long nanos, Histogram latency, Map<String, Long> statuses, long lastAcceptedNanos,
                         Set<Integer> tailCustomers) {
        double seconds() {
            return nanos / 1e9;
        }

        long errors() {
            return sent - statuses.getOrDefault("201", 0L);
        }
    }

    // ---------------------------------------------------------------- options

    private record Options(String base, String host, int port, String path, int orders, int clients, int customers,
                           int warmup, String transport, boolean readModel, long maxSeconds, long lagTimeoutSeconds,
                           String label, int progressSeconds) {

        static Options parse(String[] args) {
            Map<String, String> o = new HashMap<>(Map.of(
                    "url", "http://127.0.0.1:8080", "path", "/api/orders", "orders", "50000", "clients", "16",
                    "customers", "1000", "warmup", "5000", "transport", "socket", "read-model", "auto",
                    "max-seconds", "600", "lag-timeout-seconds", "120"));
            o.put("label", "");
            o.put("progress-seconds", "10");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                if (!o.containsKey(name)) {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
                o.put(name, value);
            }
            URI uri = URI.create(o.get("url"));
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("--url must be http://HOST:PORT");
            }
            requireLoopback(uri.getHost());
            int port = uri.getPort() < 0 ? 80 : uri.getPort();
            String base = "http://" + uri.getHost() + ":" + port;
            String path = o.get("path");
            boolean readModel = switch (o.get("read-model")) {
                case "on" -> true;
                case "off" -> false;
                case "auto" -> path.equals("/api/orders");
                default -> throw new IllegalArgumentException("--read-model is auto, on or off");
            };
            String transport = o.get("transport");
            if (!transport.equals("socket") && !transport.equals("http")) {
                throw new IllegalArgumentException("--transport is socket or http");
            }
            Options options = new Options(base, uri.getHost(), port, path, positive(o, "orders"), positive(o, "clients"),
                    positive(o, "customers"), Integer.parseInt(o.get("warmup")), transport, readModel,
                    positive(o, "max-seconds"), positive(o, "lag-timeout-seconds"), o.get("label"),
                    Integer.parseInt(o.get("progress-seconds")));
            return options;
        }

        private static int positive(Map<String, String> o, String name) {
            int value = Integer.parseInt(o.get(name));
            if (value <= 0) {
                throw new IllegalArgumentException("--" + name + " must be positive");
            }
            return value;
        }

        /** A load test here targets this machine only. */
        private static void requireLoopback(String host) {
            try {
                for (InetAddress address : InetAddress.getAllByName(host)) {
                    if (!address.isLoopbackAddress()) {
                        throw new IllegalArgumentException("refusing to load " + host + ": only loopback addresses");
                    }
                }
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("unknown host " + host);
            }
        }

        HttpTransport newTransport() {
            return transport.equals("socket") ? new SocketTransport(host, port) : new JdkHttpTransport(base);
        }
    }
}
