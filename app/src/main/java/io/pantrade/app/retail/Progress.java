package io.pantrade.app.retail;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress bar on a terminal, redrawn in place twice a second: how much of the file is read
 * (compressed bytes, the one size known before the end), rows and invoices per second, time left.
 * Elsewhere (a log file, a pipe) one line every ten seconds.
 */
final class Progress implements AutoCloseable {

    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private Tally tally;
    private final LongSupplier bytesRead;
    private final long totalBytes;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "import-progress");
        thread.setDaemon(true);
        return thread;
    });
    private int drawnWidth;

    Progress(PrintStream out, boolean terminal, LongSupplier bytesRead, long totalBytes) {
        this.out = out;
        this.terminal = terminal;
        this.bytesRead = bytesRead;
        this.totalBytes = Math.max(1, totalBytes);
    }

    /** The tally reports its problems through {@link #printAbove}, so it comes after the bar. */
    synchronized void start(Tally tally) {
        this.tally = tally;
        long every = terminal ? 500 : 10_000;
        timer.scheduleAtFixedRate(this::draw, every, every, TimeUnit.MILLISECONDS);
    }

    /** A line printed while the bar is shown goes above it. */
    synchronized void printAbove(String line) {
        clear();
        out.println(line);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private synchronized void draw() {
        double seconds = Math.max(1e-3, elapsed().toNanos() / 1e9);
        double done = Math.min(1.0, (double) bytesRead.getAsLong() / totalBytes);
        int filled = (int) Math.round(done * BAR_WIDTH);
        String eta = done > 0 ? format(Duration.ofSeconds(Math.round(seconds * (1 - done) / done))) : "?";
        String line = String.format("[%s%s] %3d%%  %,d rows  %,.0f rows/s  %,.0f invoices/s  ETA %s",
                "#".repeat(filled), "-".repeat(BAR_WIDTH - filled), Math.round(done * 100), tally.rowsRead.sum(),
                tally.rowsRead.sum() / seconds, tally.invoices() / seconds, eta);
        if (terminal) {
            clear();
            out.print(line);
            drawnWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void clear() {
        if (drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 ? String.format("%dm %02ds", seconds / 60, seconds % 60) : seconds + "s";
    }

    /** Draws the bar a last time, at the end of the file, and leaves it on its line. */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        draw();
        if (terminal) {
            out.println();
        }
    }
}
