package io.pantrade.saga;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * How every saga is fed: one tracking processor per saga processing group, whose failing events go
 * to the group's dead-letter queue instead of being logged and skipped (Axon's default for sagas) or blocking the saga.
 * <p>
 * Axon has no dead-letter queue for sagas, so the saga manager Axon hands the processor is wrapped
 * here: a {@link DeadLetteringEventHandlerInvoker} over one handler that passes each event to the
 * saga manager. The queue and the enqueue policy are the group's, as the launcher registered them in
 * Axon's event processing configuration. The processor has one segment: the wrapper checks the
 * segment itself and hands the saga manager the whole range, which is only right when there is one.
 * A new group starts at the beginning of the event store, not at its head as Axon's sagas do: the
 * processor claims its first token a moment after the engine accepts requests, and a head taken then
 * would skip whatever arrived in between.
 * <p>
 * Events queue behind a dead-lettered one of the same sequence: the same aggregate, Axon's default,
 * unless the group registers another sequencing policy (e.g. by the saga's association property).
 */
public final class SagaProcessing {

    private SagaProcessing() {
    }

    /** What a saga's Spring configuration contributes for its processing group. */
    public static ConfigurerModule module(String processingGroup) {
        return configurer -> register(configurer.eventProcessing(), processingGroup);
    }

    public static void register(EventProcessingConfigurer processing, String processingGroup) {
        processing
                .registerEventProcessor(processingGroup, SagaProcessing::processor)
                // the saga manager hands failures to this handler; they must reach the dead-letter wrapper
                .registerListenerInvocationErrorHandler(processingGroup, config -> PropagatingErrorHandler.instance());
    }

    private static EventProcessor processor(String name, Configuration config, EventHandlerInvoker sagaManager) {
        EventProcessingConfiguration processing = config.eventProcessingConfiguration();
        TransactionManager transactions = processing.transactionManager(name);
        DeadLetteringEventHandlerInvoker deadLettering = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new WholeRange(sagaManager))
                .sequencingPolicy(processing.sequencingPolicy(name))
                .queue(queue(processing, name))
                .enqueuePolicy(policy(processing, name))
                .transactionManager(transactions)
                .build();
        // dead letters are retried outside the processor: they need the correlation data it would add
        deadLettering.registerHandlerInterceptor(new CorrelationDataInterceptor<>(config.correlationDataProviders()));
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(deadLettering)
                .messageSource(config.eventStore())
                .tokenStore(processing.tokenStore(name))
                .transactionManager(transactions)
                .errorHandler(processing.errorHandler(name))
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .messageMonitor(processing.messageMonitor(TrackingEventProcessor.class, name))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(EventProcessingConfiguration processing, String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> new IllegalStateException(
                "no dead-letter queue is registered for saga processing group " + group));
    }

    private static EnqueuePolicy<EventMessage<?>> policy(EventProcessingConfiguration processing, String group) {
        return processing.deadLetterPolicy(group).orElseThrow();
    }

    /** The saga manager as one event handler, finding and starting the sagas of every segment. */
    private record WholeRange(EventHandlerInvoker sagaManager) implements EventMessageHandler {

        /**
         * In a unit of work of its own, so that a saga whose handler throws is not stored with the
         * changes it made before: the processor's unit of work goes on, and commits, once the event
         * is dead-lettered.
         */
        @Override
        public Object handle(EventMessage<?> event) throws Exception {
            ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                sagaManager.handle(event, Segment.ROOT_SEGMENT);
                return null;
            });
            if (result.isExceptional()) {
                Throwable failure = result.exceptionResult();
                throw failure instanceof Exception exception ? exception : new IllegalStateException(failure);
            }
            return null;
        }

        @Override
        public boolean canHandle(EventMessage<?> event) {
            return sagaManager.canHandle(event, Segment.ROOT_SEGMENT);
        }

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            return sagaManager.canHandleType(payloadType);
        }

        @Override
        public Class<?> getTargetType() {
            return sagaManager.getClass();
        }

        @Override
        public boolean supportsReset() {
            return false;
        }
    }
}
