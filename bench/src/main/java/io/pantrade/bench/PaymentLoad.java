package io.pantrade.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Closed-loop payment load: C workers, each with its own customer and card, authorizing a payment
 * and capturing its full amount as soon as the engine allows, then the next pair; N pairs in all
 * after a warm-up that is not counted. The engine learns an authorization's outcome asynchronously
 * (the simulated provider's webhook), so a capture that comes first is answered
 * {@code payment.authorization-pending}: the worker pauses and retries it, and counts the retries.
 * Every POST is signed by the worker, so signing is part of what is measured.
 */
public final class PaymentLoad {

    /** How {@link #post} reports the answer to a capture that came before the authorization's outcome. */
    private static final String PENDING = "409 payment.authorization-pending";

    /** A pair still pending this long is counted as an error rather than waited for. */
    private static final long PENDING_GIVE_UP_NANOS = 30_000_000_000L;

    private final Options options;
    private final PaymentClient client;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final String[] customerIds;
    private final String[] cardTokens;

    private PaymentLoad(Options options, PaymentClient client) {
        this.options = options;
        this.client = client;
        this.customerIds = new String[options.load.clients()];
        this.cardTokens = new String[options.load.clients()];
    }

    public static int run(String[] args) throws Exception {
        return PaymentClient.runScenario("payment-load", args, Options.DEFAULTS,
                (line, client) -> new PaymentLoad(Options.from(line), client)::execute);
    }

    private int execute() throws Exception {
        long deadline = System.nanoTime() + options.load.maxSeconds() * 1_000_000_000L;
        String loadBefore = Machine.loadAverage();
        String refused = client.registerCards(options.load, runId, customerIds, cardTokens);
        if (refused != null) {
            System.err.println("payment-load: card registration refused, nothing measured: " + refused);
            return 1;
        }
        Phase warmup = options.load.warmup() > 0 ? runPhase("w", options.load.warmup(), deadline) : null;
        Phase measured = runPhase("m", options.pairs, deadline);
        print(warmup, measured, System.nanoTime() > deadline, loadBefore);
        return 0;
    }

    // ---------------------------------------------------------------- load

    private Phase runPhase(String phaseName, int count, long deadline) throws InterruptedException {
        ClosedLoop.Outcome<Worker> outcome = ClosedLoop.run(options.load, phaseName, count, "pairs", deadline,
                w -> new Worker(phaseName, w, deadline));
        Tally tally = new Tally();
        for (Worker worker : outcome.workers()) {
            tally.add(worker.tally);
        }
        return new Phase(tally, outcome.nanos());
    }

    /** What a worker measured; a phase adds its workers' up. */
    private static final class Tally {
        final Latency pair = new Latency();
        final Latency authorize = new Latency();
        final Latency capture = new Latency();
        final StatusCounts authorizeStatuses = new StatusCounts();
        final StatusCounts captureStatuses = new StatusCounts();
        long started;
        long retries;
        long mostRetries;

        void add(Tally other) {
            pair.add(other.pair);
            authorize.add(other.authorize);
            capture.add(other.capture);
            authorizeStatuses.add(other.authorizeStatuses);
            captureStatuses.add(other.captureStatuses);
            started += other.started;
            retries += other.retries;
            mostRetries = Math.max(mostRetries, other.mostRetries);
        }

        long captured() {
            return captureStatuses.get("202");
        }

        long errors() {
            return authorizeStatuses.total() - authorizeStatuses.get("202")
                    + captureStatuses.total() - captureStatuses.get("202");
        }
    }

    private final class Worker implements ClosedLoop.Worker {
        private final Tally tally = new Tally();
        private final String phaseName;
        private final String customerId;
        private final String cardToken;
        private final long deadline;
        private final HttpTransport transport = options.load.newTransport();

        Worker(String phaseName, int w, long deadline) {
            this.phaseName = phaseName;
            this.customerId = customerIds[w];
            this.cardToken = cardTokens[w];
            this.deadline = deadline;
        }

        @Override
        public void iterate(int i) {
            tally.started++;
            String key = runId + "-" + phaseName + "-" + i;
            byte[] authorization = ("{\"orderId\":\"" + UUID.randomUUID() + "\",\"customerId\":\"" + customerId + "\","
                    + "\"merchantId\":\"" + PaymentClient.MERCHANT_ID + "\",\"amount\":" + amount() + ","
                    + "\"paymentMethodToken\":\"" + cardToken + "\"}").getBytes(StandardCharsets.UTF_8);
            long pairStart = System.nanoTime();
            Answer authorized = client.post(transport, "/api/payments", authorization, key + "-authorize");
            long authorizedAt = System.nanoTime();
            tally.authorize.record(pairStart, authorizedAt);
            String status = authorized.status();
            String paymentId = authorized.field("paymentId");
            if (status.equals("202") && paymentId == null) {
                status = "202 without paymentId";
            }
            tally.authorizeStatuses.count(status);
            if (!status.equals("202")) {
                return;
            }
            capture("/api/payments/" + paymentId + "/capture", key, pairStart);
        }

        private void capture(String path, String key, long pairStart) {
            byte[] body = ("{\"amount\":" + amount() + "}").getBytes(StandardCharsets.UTF_8);
            for (int attempt = 0; ; attempt++) {
                long sentAt = System.nanoTime();
                Answer captured = client.post(transport, path, body, key + "-capture-" + attempt);
                long answeredAt = System.nanoTime();
                tally.capture.record(sentAt, answeredAt);
                if (!captured.status().equals(PENDING)) {
                    tally.captureStatuses.count(captured.status());
                    if (captured.status().equals("202")) {
                        tally.pair.record(pairStart, answeredAt);
                    }
                    return;
                }
                if (answeredAt - pairStart > PENDING_GIVE_UP_NANOS || answeredAt > deadline) {
                    tally.captureStatuses.count(PENDING + " given up");
                    return;
                }
                tally.retries++;
                tally.mostRetries = Math.max(tally.mostRetries, attempt + 1);
                pause(options.retryPauseMillis);
            }
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    private String amount() {
        return "{\"amountMinor\":" + options.amountMinor + ",\"currency\":\"EUR\"}";
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- report

    private record Phase(Tally tally, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    private void print(Phase warmup, Phase measured, boolean hitDeadline, String loadBefore) {
        Tally phase = measured.tally;
        System.out.printf(Locale.ROOT, "== payment load: %s  %s  authorize + capture ==%n", options.load.label(),
                options.load.base());
        System.out.printf(Locale.ROOT, "cards       %d registered before the warm-up, one per worker's customer, not measured%n",
                cardTokens.length);
        if (warmup != null) {
            System.out.printf(Locale.ROOT, "warm-up     %d pairs in %.1f s, not counted (%d errors)%n",
                    warmup.tally.started, warmup.seconds(), warmup.tally.errors());
        }
        System.out.printf(Locale.ROOT, "pairs       %d started, %d captured, %.2f EUR each%s%n", phase.started,
                phase.captured(), options.amountMinor / 100.0, hitDeadline ? "  STOPPED AT --max-seconds" : "");
        System.out.printf(Locale.ROOT, "clients     %d (closed loop, transport %s)%n", options.load.clients(),
                options.load.transport());
        System.out.printf(Locale.ROOT, "signing     every POST signed in its worker with %s: signing is inside "
                + "every latency below and its CPU comes off the cores the server runs on%n", client.describe());
        System.out.printf(Locale.ROOT, "duration    %.2f s%n", measured.seconds());
        System.out.printf(Locale.ROOT, "throughput  %.0f pairs/s%n", phase.captured() / measured.seconds());
        System.out.println("latency ms  pair       " + phase.pair.summary() + "  authorize sent -> capture accepted");
        System.out.println("            authorize  " + phase.authorize.summary());
        System.out.println("            capture    " + phase.capture.summary() + "  every attempt, retries included");
        System.out.printf(Locale.ROOT, "retries     %.2f capture retries per pair (%d in all, at most %d in one pair), "
                        + "each after a %d ms pause while the authorization was pending%n",
                phase.started == 0 ? 0.0 : (double) phase.retries / phase.started, phase.retries, phase.mostRetries,
                options.retryPauseMillis);
        System.out.printf(Locale.ROOT, "errors      %d  authorize %s  capture %s%n", phase.errors(),
                phase.authorizeStatuses, phase.captureStatuses);
        System.out.println(Machine.describe(loadBefore));
    }

    // ---------------------------------------------------------------- options

    private record Options(LoadSettings load, int pairs, long amountMinor, int retryPauseMillis) {

        static final Map<String, String> DEFAULTS = Map.of(
                "pairs", "20000", "amount-minor", "1999", "retry-pause-ms", "2");

        static Options from(CommandLine line) {
            return new Options(LoadSettings.from(line), line.positive("pairs"), line.positive("amount-minor"),
                    line.positive("retry-pause-ms"));
        }
    }
}
