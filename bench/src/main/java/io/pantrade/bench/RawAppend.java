package io.pantrade.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pantrade.embedded.H2EventTableFactory;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.sql.DataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * The event store's raw append rate, the yardstick of the lifecycle load: Axon's
 * {@code JdbcEventStorageEngine} on a fresh H2 file (Pantrade's {@link H2EventTableFactory}, a
 * Jackson serializer), T threads each appending one event per call, each call its own commit
 * (auto-commit, no unit of work), for a warm-up and then S measured seconds. {@code WRITE_DELAY=0}
 * by default: H2 writes every commit to its file before answering (it survives {@code kill -9},
 * not a power cut: H2 does not fsync it), as DESIGN.md's reference figure was measured.
 */
final class RawAppend {

    /** What an appended event carries: ids and text, serialized by Jackson to about --payload-bytes. */
    record RawEvent(String eventId, String aggregateId, long sequence, String detail) {
    }

    private RawAppend() {
    }

    static int run(String[] args) throws Exception {
        CommandLine line;
        try {
            line = CommandLine.parse(args, Map.of("data-dir", "", "threads", "1", "seconds", "20",
                    "warmup-seconds", "5", "payload-bytes", "300", "write-delay-ms", "0"));
            if (line.text("data-dir").isEmpty()) {
                throw new IllegalArgumentException("--data-dir DIR is required: a directory for a fresh H2 file");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("raw-append: " + e.getMessage());
            return 2;
        }
        Path dir = Files.createDirectories(Path.of(line.text("data-dir")));
        if (Files.exists(dir.resolve("raw.mv.db"))) {
            System.err.println("raw-append: " + dir.resolve("raw.mv.db") + " exists; the store must start empty");
            return 2;
        }
        String loadBefore = Machine.loadAverage();
        Result result = measure(dir, line.positive("threads"), line.positive("seconds"), line.integer("warmup-seconds"),
                line.positive("payload-bytes"), line.integer("write-delay-ms"));
        System.out.printf(Locale.ROOT, "== raw append: JdbcEventStorageEngine on an H2 file, WRITE_DELAY=%d, one event "
                        + "per call and commit ==%n", line.integer("write-delay-ms"));
        System.out.printf(Locale.ROOT, "events      %d appended in %d s from %d threads (after %d s of warm-up), "
                        + "payload %d bytes of JSON%n", result.events, line.positive("seconds"), line.positive("threads"),
                line.integer("warmup-seconds"), result.payloadBytes);
        System.out.printf(Locale.ROOT, "throughput  %.0f events/s%n", result.events / (double) line.positive("seconds"));
        System.out.println("latency ms  " + result.latency.summary() + "  one append");
        System.out.println(Machine.describe(loadBefore));
        return 0;
    }

    private record Result(long events, Latency latency, int payloadBytes) {
    }

    private static Result measure(Path dir, int threads, int seconds, int warmupSeconds, int payloadBytes,
                                  int writeDelayMs) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("raw") + ";WRITE_DELAY=" + writeDelayMs);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(threads);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            JdbcEventStorageEngine engine = storageEngine(dataSource, serializer);
            String detail = detailFor(serializer, payloadBytes);
            LongAdder appended = new LongAdder();
            List<Latency> latencies = new ArrayList<>();
            List<Thread> appenders = new ArrayList<>();
            long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            long measureTo = measureFrom + seconds * 1_000_000_000L;
            for (int t = 0; t < threads; t++) {
                Latency latency = new Latency();
                latencies.add(latency);
                String aggregateId = UUID.randomUUID().toString();
                Thread appender = new Thread(() -> {
                    for (long sequence = 0; ; sequence++) {
                        long start = System.nanoTime();
                        if (start >= measureTo) {
                            return;
                        }
                        engine.appendEvents(new GenericDomainEventMessage<>("RawAggregate", aggregateId, sequence,
                                new RawEvent(UUID.randomUUID().toString(), aggregateId, sequence, detail)));
                        long end = System.nanoTime();
                        if (start >= measureFrom && end <= measureTo) {
                            appended.increment();
                            latency.record(start, end);
                        }
                    }
                }, "raw-append-" + t);
                appenders.add(appender);
                appender.start();
            }
            for (Thread appender : appenders) {
                appender.join();
            }
            Latency all = new Latency();
            latencies.forEach(all::add);
            int size = serializer.serialize(new RawEvent(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    0, detail), byte[].class).getData().length;
            return new Result(appended.sum(), all, size);
        }
    }

    /** Axon's engine with the engine's H2 tables, every append its own commit (auto-commit, no transaction). */
    static JdbcEventStorageEngine storageEngine(DataSource dataSource, Serializer serializer) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();
        engine.createSchema(new H2EventTableFactory());
        return engine;
    }

    /** Text that makes a serialized event about {@code payloadBytes} long. */
    private static String detailFor(JacksonSerializer serializer, int payloadBytes) {
        String id = UUID.randomUUID().toString();
        int bare = serializer.serialize(new RawEvent(id, id, 0, ""), byte[].class).getData().length;
        return "x".repeat(Math.max(0, payloadBytes - bare));
    }
}
