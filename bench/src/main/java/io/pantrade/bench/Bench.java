package io.pantrade.bench;

import io.pantrade.bench.baseline.BareAxonApp;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/**
 * The one entry point of {@code pantrade-bench.jar}:
 * <pre>
 *   java -jar bench/target/pantrade-bench.jar load --url http://127.0.0.1:8080 --orders 50000 --clients 16
 *   java -jar bench/target/pantrade-bench.jar client-key /tmp/run/client.pem   (prints the public key)
 *   java -jar bench/target/pantrade-bench.jar payment-load --url http://127.0.0.1:8080 --private-key /tmp/run/client.pem
 *   java -jar bench/target/pantrade-bench.jar lifecycle-load --url http://127.0.0.1:8080 --private-key /tmp/run/client.pem
 *   java -jar bench/target/pantrade-bench.jar raw-append --data-dir /tmp/run/raw
 *   java -jar bench/target/pantrade-bench.jar count-events --data-dir /tmp/run/engine-data --orders 3500
 *   java -jar bench/target/pantrade-bench.jar bare --server.port=8081 --bare.data-dir=/tmp/bare
 *   java -jar bench/target/pantrade-bench.jar free-port
 *   java -jar bench/target/pantrade-bench.jar recommend-eval --file ../shared/data/online_retail/online_retail.csv.gz
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "load" -> System.exit(OrderLoad.run(rest));
            case "payment-load" -> System.exit(PaymentLoad.run(rest));
            case "lifecycle-load" -> System.exit(LifecycleLoad.run(rest));
            case "raw-append" -> System.exit(RawAppend.run(rest));
            case "count-events" -> System.exit(EventCount.run(rest));
            case "client-key" -> System.exit(ClientKeyFile.run(rest));
            case "recommend-eval" -> System.exit(RecommendEval.run(rest));
            case "bare" -> BareAxonApp.main(rest);
            case "free-port" -> System.out.println(freePort());
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar pantrade-bench.jar <command> [options]
                  load       closed-loop order load against a running engine (or the bare baseline)
                             --url http://127.0.0.1:8080 --path /api/orders --orders 50000 --clients 16
                             --customers 1000 --warmup 5000 --transport socket|http --read-model auto|on|off
                             --max-seconds 600 --lag-timeout-seconds 120 --progress-seconds 10 (0: none) --label NAME
                  payment-load
                             closed-loop authorize + capture pairs against a running engine, every POST signed
                             --private-key FILE (required) --client-id bench-client --url http://127.0.0.1:8080
                             --pairs 20000 --clients 16 --warmup 5000 --amount-minor 1999 --retry-pause-ms 2
                             --transport socket|http --max-seconds 600 --progress-seconds 10 (0: none) --label NAME
                  lifecycle-load
                             closed-loop full order lifecycle against a running engine: each client places an
                             order with fulfilment and waits until it is COMPLETED; simulated couriers deliver
                             --private-key FILE (required, for the cards) --client-id bench-client
                             --url http://127.0.0.1:8080 --orders 3000 --clients 16 --warmup 5000 --customers 500
                             --couriers 50 --capacity 4 --courier-threads 2 --courier-pause-ms 20
                             --finish-timeout-seconds 60 --transport socket|http
                             --max-seconds 600 --progress-seconds 10 (0: none) --label NAME
                  raw-append the event store's raw append rate: JdbcEventStorageEngine on a fresh H2 file, one
                             event per call and commit --data-dir DIR (required) --threads 1 --seconds 20
                             --warmup-seconds 5 --payload-bytes 300 --write-delay-ms 0
                  count-events
                             events in a stopped engine's H2 file by payload type --data-dir DIR (required)
                             --database pantrade --since ISO-INSTANT --orders N (prints events per order)
                  client-key FILE
                             a new Ed25519 key pair: the private key to FILE (PEM PKCS#8, owner-only, must not
                             exist yet), the public key (base64 SPKI) to stdout
                  bare       the bare baseline: Spring MVC + Axon CommandGateway + event-sourced aggregate
                             on JdbcEventStorageEngine over an H2 file (--server.port=N --bare.data-dir=DIR)
                  free-port  print a free TCP port on 127.0.0.1
                  recommend-eval
                             offline evaluation of the recommender (last invoice of each customer held out) and
                             the segmentation on the UCI Online Retail CSV, and recommendation latency
                             --file FILE (required, .csv or .csv.gz) --k 10 --measure JACCARD|COSINE --neighbours 20
                             --min-cooccurrence 1 --last-purchase-boost 1.0 --k-min 2 --k-max 8
                             --latency-products 10000 --latency-queries 200000""");
    }
}
