package io.pantrade.query;

import io.pantrade.web.NotReadyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A model rebuilt from the read models on a thread of its own, at start and then every interval,
 * and swapped in whole once built: a query reads whichever snapshot is current and never waits for
 * a rebuild. A failed rebuild keeps the previous snapshot; while there is none, it is tried again
 * after a few seconds rather than a whole interval. Not Spring's scheduler, whose one thread would
 * make the dispatch round wait behind a rebuild.
 */
public final class RefreshedModel<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RefreshedModel.class);
    private static final Duration FIRST_BUILD_RETRY = Duration.ofSeconds(5);

    private final String name;
    private final Supplier<T> build;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private volatile T current;

    public RefreshedModel(String name, Supplier<T> build, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + " refresh interval must be positive");
        }
        this.name = name;
        this.build = build;
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-refresh");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
        scheduler.execute(this::refresh);
    }

    /** @throws NotReadyException (503 with Retry-After) until the first build has finished */
    public T current() {
        T snapshot = current;
        if (snapshot == null) {
            throw new NotReadyException("no " + name + " yet: it is being built from the read models");
        }
        return snapshot;
    }

    private void refresh() {
        long started = System.nanoTime();
        try {
            current = build.get();
            log.debug("{} rebuilt in {} ms", name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException e) {
            log.warn("{} could not be built; {}", name,
                    current == null ? "trying again shortly" : "the previous one still answers", e);
        }
        Duration next = current == null && FIRST_BUILD_RETRY.compareTo(interval) < 0 ? FIRST_BUILD_RETRY : interval;
        try {
            scheduler.schedule(this::refresh, next.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            log.debug("{} closed: no more rebuilds", name);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
