package io.pantrade.query;

import io.pantrade.web.NotFoundException;
import io.pantrade.web.NotReadyException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Whether a read model has caught up with the event store. Until it has (after a start, while the
 * embedded read models are rebuilt), "not found" may only mean "not replayed yet".
 */
@Component
public class ReadModelFreshness {

    private final EventProcessingConfiguration processing;

    ReadModelFreshness(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public boolean caughtUp(String processorName) {
        return processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .map(ReadModelFreshness::allSegmentsCaughtUp)
                .orElse(false);
    }

    /**
     * What a miss means: 404 once the processor has caught up, else 503 with Retry-After, because
     * the thing may well exist and not be replayed yet.
     */
    public RuntimeException missing(String processorName, String detail) {
        if (!caughtUp(processorName)) {
            return notReady(detail);
        }
        return new NotFoundException(detail);
    }

    /**
     * For an answer that would mislead while the read model is incomplete (a list, a total): 503
     * with Retry-After until the processor has caught up.
     */
    public void requireCaughtUp(String processorName, String what) {
        if (!caughtUp(processorName)) {
            throw notReady(what);
        }
    }

    private static NotReadyException notReady(String detail) {
        return new NotReadyException(detail + " yet: the read model is still catching up with the event store");
    }

    private static boolean allSegmentsCaughtUp(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        return !segments.isEmpty() && segments.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }
}
