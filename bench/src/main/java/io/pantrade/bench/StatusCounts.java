package io.pantrade.bench;

import java.util.Map;
import java.util.TreeMap;

/** How many answers of each status (or client-side failure) a worker or a phase got; prints sorted. */
final class StatusCounts {

    private final Map<String, Long> counts = new TreeMap<>();

    void count(String status) {
        counts.merge(status, 1L, Long::sum);
    }

    void add(StatusCounts other) {
        other.counts.forEach((status, n) -> counts.merge(status, n, Long::sum));
    }

    long get(String status) {
        return counts.getOrDefault(status, 0L);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many answers had a status starting with {@code prefix}, e.g. every {@code "place "} failure. */
    long total(String prefix) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
