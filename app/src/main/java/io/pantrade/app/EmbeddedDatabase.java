package io.pantrade.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pantrade.embedded.H2EventTableFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The embedded mode's one H2 file: the events and snapshots, and (unless configured otherwise)
 * Axon's own state, the idempotency keys and the subject keys. With {@code WRITE_DELAY=0} every
 * commit reaches the operating system before the command is acknowledged, so it survives
 * {@code kill -9} of the JVM; H2 does not fsync each commit, so a power cut can lose the last ones.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean
    DataDirectory dataDirectory(@Value("${pantrade.data-dir:./data}") String configured) {
        return DataDirectory.create(configured);
    }

    @Bean
    DataSource dataSource(DataDirectory dataDirectory,
                          @Value("${pantrade.h2.write-delay-ms:0}") int writeDelayMs,
                          @Value("${pantrade.h2.pool-size:24}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("pantrade-h2");
        config.setJdbcUrl("jdbc:h2:file:" + dataDirectory.path().resolve("pantrade") + ";WRITE_DELAY=" + writeDelayMs);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        log.info("events, snapshots and Axon state in the H2 file {}.mv.db", dataDirectory.path().resolve("pantrade"));
        return new HikariDataSource(config);
    }

    /** Axon creates no tables itself; they must exist before any processor or command touches them. */
    @Bean
    InitializingBean eventTables(EventStorageEngine engine) {
        return () -> {
            if (engine instanceof JdbcEventStorageEngine jdbc) {
                jdbc.createSchema(new H2EventTableFactory());
            }
        };
    }
}
