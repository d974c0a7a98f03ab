package io.pantrade.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code count-events}: the events in a stopped engine's H2 file, by payload type, with their mean
 * serialized size; with {@code --orders N}, events per order. {@code --since} counts only events
 * stamped at or after an instant (ISO-8601, as the lifecycle load prints its first order's), so
 * the set-up before the load (cards, couriers) is left out. Axon stamps events as ISO-8601 text
 * in UTC, which sorts as the instants do.
 */
final class EventCount {

    record TypeCount(String payloadType, long events, double meanBytes) {
    }

    private EventCount() {
    }

    static int run(String[] args) throws SQLException {
        CommandLine line;
        try {
            line = CommandLine.parse(args, Map.of("data-dir", "", "database", "pantrade", "since", "", "orders", "0"));
            if (line.text("data-dir").isEmpty()) {
                throw new IllegalArgumentException("--data-dir DIR is required: the stopped engine's data directory");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("count-events: " + e.getMessage());
            return 2;
        }
        Path file = Path.of(line.text("data-dir")).resolve(line.text("database"));
        if (!Files.exists(Path.of(file + ".mv.db"))) {
            System.err.println("count-events: no H2 file " + file + ".mv.db");
            return 2;
        }
        List<TypeCount> counts = count(file, line.text("since"));
        long total = counts.stream().mapToLong(TypeCount::events).sum();
        System.out.printf(Locale.ROOT, "== events in %s.mv.db%s ==%n", file,
                line.text("since").isEmpty() ? "" : " stamped at or after " + line.text("since"));
        for (TypeCount count : counts) {
            System.out.printf(Locale.ROOT, "%9d  %6.1f%%  %5.0f B  %s%n", count.events, 100.0 * count.events / total,
                    count.meanBytes, count.payloadType);
        }
        System.out.printf(Locale.ROOT, "events      %d%n", total);
        int orders = line.integer("orders");
        if (orders > 0) {
            System.out.printf(Locale.ROOT, "per order   %.2f events (%d orders)%n", (double) total / orders, orders);
        }
        return 0;
    }

    /** Most frequent first. */
    static List<TypeCount> count(Path file, String since) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file + ";ACCESS_MODE_DATA=r",
                "sa", "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT payloadType, COUNT(*), AVG(OCTET_LENGTH(payload)) FROM DomainEventEntry"
                             + " WHERE timeStamp >= ? GROUP BY payloadType ORDER BY COUNT(*) DESC, payloadType")) {
            query.setString(1, since);
            List<TypeCount> counts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(new TypeCount(rows.getString(1), rows.getLong(2), rows.getDouble(3)));
                }
            }
            return counts;
        }
    }
}
