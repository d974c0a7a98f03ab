package io.pantrade.app;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The processing groups that dead-letter their failures, each with its queue and what retries its
 * letters. Found in the running processors, because sagas' dead-lettering invokers are built by
 * {@code SagaProcessing}, not by Axon, which only knows those of plain event handlers. Every group
 * here has a processor of its own name.
 */
final class DeadLetterGroups {

    private final EventProcessingConfiguration processing;

    DeadLetterGroups(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    record Group(String name, SequencedDeadLetterQueue<EventMessage<?>> queue,
                 SequencedDeadLetterProcessor<EventMessage<?>> retrier) {
    }

    Map<String, Group> all() {
        Map<String, Group> groups = new TreeMap<>();
        processing.eventProcessors().keySet().forEach(name -> find(name).ifPresent(group -> groups.put(name, group)));
        return groups;
    }

    Optional<Group> find(String name) {
        Optional<SequencedDeadLetterProcessor<EventMessage<?>>> retrier = processing.eventProcessor(name)
                .filter(AbstractEventProcessor.class::isInstance)
                .flatMap(processor -> deadLettering(((AbstractEventProcessor) processor).eventHandlerInvoker()));
        if (retrier.isEmpty()) {
            return Optional.empty();
        }
        return processing.deadLetterQueue(name).map(queue -> new Group(name, queue, retrier.get()));
    }

    @SuppressWarnings("unchecked")
    private static Optional<SequencedDeadLetterProcessor<EventMessage<?>>> deadLettering(EventHandlerInvoker invoker) {
        Stream<EventHandlerInvoker> invokers = invoker instanceof MultiEventHandlerInvoker multi
                ? multi.delegates().stream() : Stream.of(invoker);
        return invokers.filter(SequencedDeadLetterProcessor.class::isInstance)
                .map(found -> (SequencedDeadLetterProcessor<EventMessage<?>>) found)
                .findFirst();
    }
}
