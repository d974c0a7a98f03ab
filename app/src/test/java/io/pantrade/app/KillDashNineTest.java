package io.pantrade.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An acknowledged order survives SIGKILL of the engine's JVM: the engine runs as a real child
 * process on a data directory, is killed without warning right after its last 201, and a new
 * process on the same directory must know every acknowledged order.
 */
class KillDashNineTest {

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_order_survives_kill_minus_9() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        String customer = Orders.customer();

        try (ChildEngine first = ChildEngine.start(dataDir)) {
            for (int i = 0; i < 100; i++) {
                Http.Reply reply = first.http().post("/api/orders", Orders.order(customer, "SKU-" + i, 1, 10, "EUR"));
                assertThat(reply.status()).isEqualTo(201);
                acknowledged.add(reply.field("orderId"));
            }
        }

        try (ChildEngine second = ChildEngine.start(dataDir)) {
            Http http = second.http();
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/customers/" + customer + "/orders")
                    .json().path("totalElements").asInt() == acknowledged.size());
            for (String orderId : acknowledged) {
                assertThat(http.get("/api/orders/" + orderId).status()).isEqualTo(200);
            }
        }
    }

    /** The engine in a JVM of its own; closing it is {@code kill -9}. */
    private record ChildEngine(Process process, Http http) implements AutoCloseable {

        static ChildEngine start(Path dataDir) throws IOException {
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    PantradeApplication.class.getName(), "--server.port=" + port, "--pantrade.data-dir=" + dataDir)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("engine-" + port + ".log").toFile())
                    .start();
            ChildEngine engine = new ChildEngine(process, new Http(port));
            engine.awaitReady(dataDir);
            return engine;
        }

        private void awaitReady(Path dataDir) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(process.isAlive()).as("the engine died; its log is in " + dataDir).isTrue();
                try {
                    return http.get("/actuator/health").status() == 200;
                } catch (RuntimeException notListeningYet) {
                    return false;
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
