package io.pantrade.app;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Phase;
import org.axonframework.serialization.Serializer;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobActivator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.jobrunr.server.BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration;

/**
 * Deadlines that survive a restart: Axon's {@link JobRunrDeadlineManager} on JobRunr OSS, stored
 * with the rest of Axon's state ({@link DeadlineStorage}). JobRunr is assembled by hand rather than
 * through {@code JobRunr.configure()}, whose static state would be shared by every engine in a JVM;
 * no dashboard is started and JobRunr makes no outbound call (its carbon-aware scheduling, the one
 * feature that would, is off by default). No {@code JobScheduler} bean is exposed, so Axon's
 * JobRunr auto-configuration, which would add an event scheduler nothing here runs, stays off.
 * <p>
 * JobRunr OSS cannot find jobs by label, so {@code cancelAll} and {@code cancelAllWithinScope}
 * throw {@link UnsupportedOperationException}: keep the id {@code schedule} returns and cancel by
 * it (ArchitectureTest forbids the other two).
 */
@Configuration(proxyBeanMethods = false)
class Deadlines {

    @Bean
    JobRunrDeadlineManager deadlineManager(DeadlineStorage storage, org.axonframework.config.Configuration axon,
                                           Serializer serializer, TransactionManager transactionManager,
                                           DeadlineManagerSpanFactory spanFactory) {
        return JobRunrDeadlineManager.builder()
                .jobScheduler(new DeadlineJobScheduler(storage.jobs()))
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .build();
    }

    /**
     * Finds due deadlines and runs them. JobRunr queues a deadline when it falls due before the next
     * poll and starts queued ones at a poll, so one fires within about a poll interval of its due
     * time, either side.
     */
    @Bean(destroyMethod = "stop")
    BackgroundJobServer deadlineJobServer(DeadlineStorage storage, JobRunrDeadlineManager deadlineManager,
                                          @Value("${pantrade.deadlines.poll-interval:PT5S}") Duration pollInterval) {
        return new BackgroundJobServer(storage.jobs(), DeadlineStorage.JOB_JSON, deadlineManagerOnly(deadlineManager),
                usingStandardBackgroundJobServerConfiguration().andPollInterval(pollInterval));
    }

    /**
     * Deadline handlers load aggregates and sagas and may send commands, so the job server starts
     * once Axon's buses and repositories are up and stops before they go down.
     */
    @Bean
    Lifecycle deadlineJobServerLifecycle(BackgroundJobServer deadlineJobServer) {
        return lifecycle -> {
            lifecycle.onStart(Phase.INBOUND_EVENT_CONNECTORS, () -> deadlineJobServer.start());
            lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS, () -> deadlineJobServer.stop());
        };
    }

    /** Every job here is a deadline: JobRunr calls back into the deadline manager that scheduled it. */
    private static JobActivator deadlineManagerOnly(JobRunrDeadlineManager deadlineManager) {
        return new JobActivator() {
            @Override
            public <T> T activateJob(Class<T> type) {
                return type.isInstance(deadlineManager) ? type.cast(deadlineManager) : null;
            }
        };
    }
}
