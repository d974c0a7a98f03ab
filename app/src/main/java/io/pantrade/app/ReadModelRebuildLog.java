package io.pantrade.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports how far the streaming processors are behind the event store while they catch up
 * after a start: position, percentage and rate, every few seconds, then one line when done.
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
        long started = System.nanoTime();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-log");
            thread.setDaemon(true);
            return thread;
        });
        log.info("replaying {} events into the read models", head);
        AtomicLong ticks = new AtomicLong();
        // checked often, so the rate is exact; reported every PROGRESS_EVERY ticks
        timer.scheduleAtFixedRate(() -> {
            long reached = slowestPosition();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (reached >= head) {
                log.info("read models caught up: {} events in {} s ({} events/s)", head, String.format("%.1f", seconds),
                        Math.round(head / seconds));
                timer.shutdown();
            } else if (ticks.incrementAndGet() % PROGRESS_EVERY == 0) {
                log.info("replaying: {} / {} events ({}%), {} events/s", reached, head,
                        Math.round(100.0 * reached / head), Math.round(reached / seconds));
            }
        }, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private long slowestPosition() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .mapToLong(ReadModelRebuildLog::slowestSegment)
                .min().orElse(Long.MAX_VALUE);
    }

    private static long slowestSegment(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return 0;
        }
        return segments.values().stream()
                .mapToLong(status -> status.isCaughtUp() ? Long.MAX_VALUE : position(status.getTrackingToken()).orElse(0))
                .min().orElse(0);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
