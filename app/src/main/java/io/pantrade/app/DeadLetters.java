package io.pantrade.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.SagaConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A handler that throws does not block its processor, nor is its event skipped: the event goes to
 * the processing group's dead-letter queue, kept with Axon's own state ({@link DeadLetterStore}),
 * and later events of the same aggregate queue behind it while the others go on. The
 * {@link DeadLetterRetrier} tries it again on the {@link RetrySchedule}; after the last attempt it
 * stays parked until an operator retries or evicts it ({@link DeadLetterController}).
 * <p>
 * Every processing group of plain event handlers gets a queue here, except the excluded ones (the
 * payment provider's gateway must never handle an event twice). Sagas get theirs by registering
 * their processing group through {@code SagaProcessing}.
 * <p>
 * A processor that has no token yet and is not a saga's handles every event from the start of the
 * store: the letters of an earlier run of it are cleared, or their events would be handled twice.
 * That is every projection at each start of the embedded mode, whose read models are rebuilt.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    @Bean
    RetrySchedule retrySchedule(@Value("${pantrade.dead-letters.first-retry:PT1S}") Duration firstRetry,
                                @Value("${pantrade.dead-letters.max-retry:PT5M}") Duration maxRetry,
                                @Value("${pantrade.dead-letters.attempts:5}") int attempts) {
        return new RetrySchedule(firstRetry, maxRetry, attempts);
    }

    @Bean
    BackOffPolicy backOffPolicy(RetrySchedule schedule, Clock clock, MeterRegistry meters) {
        return new BackOffPolicy(schedule, clock, meters);
    }

    /**
     * Runs after Axon's JDBC auto-configuration, whose provider (queues only for processors with
     * {@code axon.eventhandling.processors.<name>.dlq.enabled}) it replaces.
     */
    @Bean
    ConfigurerModule deadLetterQueues(DeadLetterStore store, BackOffPolicy policy,
                                      @Value("${pantrade.dead-letters.excluded-groups:payment-provider}") List<String> excluded) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing()
                        .registerDeadLetterQueueProvider(group -> excluded.contains(group) ? null
                                : config -> queue(store, config, group))
                        .registerDefaultDeadLetterPolicy(config -> policy);
            }

            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    @Bean
    DeadLetterGroups deadLetterGroups(EventProcessingConfiguration processing) {
        return new DeadLetterGroups(processing);
    }

    @EventListener(ApplicationReadyEvent.class)
    void gauges(ApplicationReadyEvent ready) {
        MeterRegistry meters = ready.getApplicationContext().getBean(MeterRegistry.class);
        ready.getApplicationContext().getBean(DeadLetterGroups.class).all().values().forEach(group ->
                Gauge.builder("pantrade.dead-letters.letters", group.queue(), SequencedDeadLetterQueue::size)
                        .tag("group", group.name())
                        .description("dead letters waiting for a retry, parked or queued behind them")
                        .register(meters));
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(DeadLetterStore store, Configuration config,
                                                                  String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = store.queue(group);
        if (handlesEverythingAgain(config, group)) {
            long cleared = queue.size();
            queue.clear();
            if (cleared > 0) {
                log.info("cleared {} dead letters of {}: it handles every event again from the start", cleared, group);
            }
        }
        return queue;
    }

    private static boolean handlesEverythingAgain(Configuration config, String group) {
        EventProcessingConfiguration processing = config.eventProcessingConfiguration();
        boolean saga = processing.sagaConfigurations().stream().map(SagaConfiguration::processingGroup)
                .anyMatch(group::equals);
        return !saga && processing.tokenStore(group).fetchSegments(group).length == 0;
    }
}
