package io.pantrade.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Reports how far the streaming processors are behind the event store while they catch up
 * after a start: position, percentage and rate, every few seconds, then one line when done. In the
 * embedded mode that is the full rebuild of the in-memory read models; with a persistent MongoDB
 * only what happened while the engine was down, so the rate counts from where they started.
 */
@Component
class ReadModelRebuildLog {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuildLog.class);
    private static final long TICK_MILLIS = 100;
    private static final long PROGRESS_EVERY = 20;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ReadModelRebuildLog(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @EventListener(ContextRefreshedEvent.class)
    void watchCatchUp() {
        long head = position(eventStore.createHeadToken()).orElse(0);
        if (head == 0) {
            log.info("event store is empty: nothing to replay");
            return;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-log");
            thread.setDaemon(true);
            return thread;
        });
        log.info("read models catching up with the event store ({} events)", head);
        AtomicLong ticks = new AtomicLong();
        // counted from the first observation, events and seconds alike
        AtomicLong from = new AtomicLong(-1);
        AtomicLong started = new AtomicLong();
        // checked often, so the rate is exact; reported every PROGRESS_EVERY ticks
        timer.scheduleAtFixedRate(() -> {
            if (!allProcessorsHaveClaimedSegments()) {
                return;
            }
            long reached = slowestPosition();
            if (from.compareAndSet(-1, Math.min(reached, head))) {
                started.set(System.nanoTime());
            }
            double seconds = Math.max(1e-3, (System.nanoTime() - started.get()) / 1e9);
            long handled = Math.min(reached, head) - from.get();
            if (reached >= head) {
                log.info("read models caught up: {} events in {} s ({} events/s)", handled,
                        String.format("%.1f", seconds), Math.round(handled / seconds));
                timer.shutdown();
            } else if (ticks.incrementAndGet() % PROGRESS_EVERY == 0) {
                log.info("replaying: {} / {} events ({}%), {} events/s", reached, head,
                        Math.round(100.0 * reached / head), Math.round(handled / seconds));
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private long slowestPosition() {
        return streamingProcessors()
                .mapToLong(ReadModelRebuildLog::slowestSegment)
                .min().orElse(Long.MAX_VALUE);
    }

    /** Before that, a processor's position says nothing about where it resumes. */
    private boolean allProcessorsHaveClaimedSegments() {
        return streamingProcessors().noneMatch(processor -> processor.processingStatus().isEmpty());
    }

    private Stream<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast);
    }

    private static long slowestSegment(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .mapToLong(status -> status.isCaughtUp() ? Long.MAX_VALUE : position(status.getTrackingToken()).orElse(0))
                .min().orElse(0);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
