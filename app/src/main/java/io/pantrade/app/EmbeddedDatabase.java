package io.pantrade.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pantrade.command.idempotency.CommitDurability;
import io.pantrade.embedded.H2DuplicateKeys;
import io.pantrade.embedded.H2EventStatements;
import io.pantrade.embedded.H2GroupCommit;
import io.pantrade.embedded.H2EventTableFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The embedded mode's one H2 file: the events and snapshots, and (unless configured otherwise)
 * Axon's own state, the idempotency keys and the subject keys. Commits are made durable in groups
 * ({@link H2GroupCommit}) before a request is answered, so an acknowledged command survives
 * {@code kill -9}, and with {@code pantrade.h2.fsync} a power cut. H2 keeps overwritten pages for
 * {@code RETENTION_TIME} before reusing their space; at thousands of commits a second its 45 s
 * default grows the file by gigabytes. The database is closed by the pool at shutdown, not by H2's
 * own JVM hook, which would pull it away from requests still finishing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean
    DataDirectory dataDirectory(@Value("${pantrade.data-dir:./data}") String configured) {
        return DataDirectory.create(configured);
    }

    /**
     * How the database file is opened, the same for both pools. The page cache matters under load:
     * events, the aggregate index and idempotency keys are B-trees keyed by random ids, so their
     * whole index is the working set, and with H2's default of 16 MB every other lookup read and
     * parsed a page from the file.
     */
    @Bean
    H2Options h2Options(@Value("${pantrade.h2.write-delay-ms:1000}") int writeDelayMs,
                        @Value("${pantrade.h2.retention-ms:5000}") int retentionMs,
                        @Value("${pantrade.h2.cache-size:128MB}") DataSize cacheSize) {
        return new H2Options(writeDelayMs, retentionMs, cacheSize);
    }

    @Bean
    @Primary
    DataSource dataSource(DataDirectory dataDirectory, H2Options options,
                          @Value("${pantrade.h2.pool-size:24}") int poolSize) {
        log.info("embedded H2 database in the file {}.mv.db", dataDirectory.path().resolve("pantrade"));
        return pool("pantrade-h2", dataDirectory, options, poolSize);
    }

    /**
     * Connections for writes made while a command's unit of work holds a connection of the main
     * pool (a new customer's subject key, a deadline JobRunr stores) and for the group commit's
     * checkpoints. From the main pool they could deadlock it: every connection held by a command
     * waiting for a second one.
     */
    @Bean(destroyMethod = "close")
    SideConnections sideConnections(DataDirectory dataDirectory, H2Options options,
                                    @Value("${pantrade.h2.side-pool-size:8}") int poolSize) {
        return new SideConnections(pool("pantrade-h2-side", dataDirectory, options, poolSize));
    }

    /**
     * A saga or a policy handling an event sends commands, which run in nested units of work inside
     * the event's transaction, so their events and the saga's new state commit together. A command
     * the saga's handler catches as refused rolls back only its own (empty) part; by default Spring
     * would mark the whole transaction rollback-only and fail the event's commit.
     */
    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> nestedRefusalsDoNotDoomTheTransaction() {
        return transactionManager -> transactionManager.setGlobalRollbackOnParticipationFailure(false);
    }

    record H2Options(int writeDelayMs, int retentionMs, DataSize cacheSize) {

        /**
         * H2 keeps the last 8 statements it parsed per connection. Axon, JobRunr and the stores
         * here send more distinct ones than that through each pooled connection, so most
         * statements were parsed again every time they ran (4% of the engine's CPU in a
         * full-lifecycle run).
         */
        static final int PARSED_STATEMENTS_PER_CONNECTION = 64;

        String url(DataDirectory dataDirectory) {
            return "jdbc:h2:file:" + dataDirectory.path().resolve("pantrade") + ";WRITE_DELAY=" + writeDelayMs
                    + ";RETENTION_TIME=" + retentionMs + ";CACHE_SIZE=" + cacheSize.toKilobytes()
                    + ";QUERY_CACHE_SIZE=" + PARSED_STATEMENTS_PER_CONNECTION + ";DB_CLOSE_ON_EXIT=FALSE";
        }
    }

    private static HikariDataSource pool(String name, DataDirectory dataDirectory, H2Options options, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(options.url(dataDirectory));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** Metrics {@code pantrade.h2.checkpoint} (duration) and {@code pantrade.h2.checkpoint.group} (callers released). */
    @Bean(destroyMethod = "close")
    H2GroupCommit h2GroupCommit(SideConnections side, @Value("${pantrade.h2.fsync:true}") boolean fsync,
                                @Value("${pantrade.h2.group-commit-gather:PT0.001S}") Duration gather,
                                MeterRegistry meters) {
        Timer duration = Timer.builder("pantrade.h2.checkpoint")
                .description("H2 group commit: time to write (and fsync) one checkpoint")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        DistributionSummary groupSize = DistributionSummary.builder("pantrade.h2.checkpoint.group")
                .description("H2 group commit: callers released by one checkpoint")
                .register(meters);
        return H2GroupCommit.start(side.dataSource(), fsync, gather, (nanos, callers) -> {
            duration.record(nanos, TimeUnit.NANOSECONDS);
            groupSize.record(callers);
        });
    }

    @Bean
    CommitDurability commitDurability(H2GroupCommit groupCommit) {
        return groupCommit::awaitDurable;
    }

    /**
     * As Axon's auto-configuration would build it, but reading tracked events with a query H2 can
     * answer from its index, and with its tables created: Axon creates none itself.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .readEventDataWithGaps(H2EventStatements::readEventDataWithGaps)
                .build();
        engine.createSchema(new H2EventTableFactory());
        return engine;
    }

    /** Axon's JDBC auto-configuration makes a resolver only while it makes the event store too. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new H2DuplicateKeys();
    }

    /**
     * As Axon's auto-configuration would build it, but keeping the last {@code cachedEvents} events
     * in memory for the processors that follow the head, instead of Axon's 10,000: those stayed
     * reachable for seconds under load, through several young collections, while the processors
     * trail the head by well under a thousand events. One further behind reads from the database,
     * as Axon does.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${pantrade.event-store.cached-events:1000}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .build();
    }
}
