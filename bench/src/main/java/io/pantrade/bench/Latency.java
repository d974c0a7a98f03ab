package io.pantrade.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/** A latency histogram: microseconds from 1 µs to 120 s, 3 significant digits. One writer at a time. */
final class Latency {

    private static final long HIGHEST_TRACKABLE_MICROS = 120_000_000L;

    private final Histogram histogram = new Histogram(HIGHEST_TRACKABLE_MICROS, 3);

    void record(long startNanos, long endNanos) {
        histogram.recordValue(Math.min(HIGHEST_TRACKABLE_MICROS, Math.max(1, (endNanos - startNanos) / 1_000)));
    }

    void add(Latency other) {
        histogram.add(other.histogram);
    }

    /** Milliseconds: {@code p50 1.23  p95 …  p99 …  max …  (mean …)}. */
    String summary() {
        return String.format(Locale.ROOT, "p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (mean %.2f)",
                ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()), histogram.getMean() / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
