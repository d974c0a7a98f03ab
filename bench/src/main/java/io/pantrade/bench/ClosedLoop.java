package io.pantrade.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * One phase of a closed-loop load: one thread per worker, each starting its next iteration as soon
 * as its previous one ended, until {@code count} iterations were claimed or the deadline passed.
 */
final class ClosedLoop {

    /** A worker's state and measurements; all its iterations run on its one thread. */
    interface Worker {

        /** @param i this phase's iteration number, from 0 to {@code count - 1}, each claimed by one worker */
        void iterate(int i);

        /** Called once every worker of the phase stopped. */
        void close();
    }

    record Outcome<W>(List<W> workers, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    private ClosedLoop() {
    }

    /**
     * @param phaseName "w" for the warm-up, which the progress report names so
     * @param unit      what an iteration is, for the progress report ("orders")
     */
    static <W extends Worker> Outcome<W> run(LoadSettings settings, String phaseName, int count, String unit,
                                             long deadline, IntFunction<W> newWorker) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<W> workers = new ArrayList<>();
        for (int w = 0; w < settings.clients(); w++) {
            workers.add(newWorker.apply(w));
        }
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers.size(); w++) {
            W worker = workers.get(w);
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    if (System.nanoTime() > deadline) {
                        return;
                    }
                    worker.iterate(i);
                }
            }, "load-" + phaseName + "-" + w);
            threads.add(thread);
            thread.start();
        }
        Thread progress = startProgressReport(settings, phaseName, unit, next, count);
        for (Thread thread : threads) {
            thread.join();
        }
        long end = System.nanoTime();
        progress.interrupt();
        workers.forEach(Worker::close);
        return new Outcome<>(workers, end - start);
    }

    /** Every --progress-seconds, the rate of the last interval on stderr: shows warm-up and stalls. */
    private static Thread startProgressReport(LoadSettings settings, String phaseName, String unit, AtomicInteger next,
                                              int count) {
        Thread reporter = new Thread(() -> {
            long t0 = System.nanoTime();
            long lastAt = t0;
            int lastClaimed = 0;
            try {
                while (true) {
                    Thread.sleep(settings.progressSeconds() * 1000L);
                    long now = System.nanoTime();
                    int claimed = Math.min(next.get(), count);
                    System.err.printf(Locale.ROOT, "[%s] %s %5.0f s  %6d/%d  %6.0f %s/s%n", settings.label(),
                            phaseName.equals("w") ? "warm-up" : "load   ", (now - t0) / 1e9, claimed, count,
                            (claimed - lastClaimed) / ((now - lastAt) / 1e9), unit);
                    lastAt = now;
                    lastClaimed = claimed;
                }
            } catch (InterruptedException e) {
                // phase over
            }
        }, "load-progress");
        reporter.setDaemon(true);
        if (settings.progressSeconds() > 0) {
            reporter.start();
        }
        return reporter;
    }
}
