package io.pantrade.bench.baseline;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import io.pantrade.embedded.H2EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The bare baseline the engine is compared with: one Spring MVC endpoint that sends one command
 * through Axon's {@code CommandGateway} to an event-sourced aggregate that applies one event, on
 * Axon's {@code JdbcEventStorageEngine} over an H2 file with {@code WRITE_DELAY=0}, Jackson
 * serializer, defaults everywhere else. Nothing of Pantrade's: no idempotency, validation,
 * encryption, sagas or projections. Scans only this package.
 */
@SpringBootApplication
public class BareAxonApp {

    private static final Logger log = LoggerFactory.getLogger(BareAxonApp.class);

    public static void main(String[] args) throws IOException {
        System.setProperty("axoniq.update-checker.disabled", "true");
        String dataDir = dataDir(args);
        SpringApplication app = new SpringApplication(BareAxonApp.class);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("server.address", "127.0.0.1");
        defaults.put("server.port", "8081");
        defaults.put("axon.axonserver.enabled", "false");
        defaults.put("axon.update-check.disabled", "true");
        defaults.put("axon.serializer.general", "jackson");
        defaults.put("axon.serializer.events", "jackson");
        defaults.put("axon.serializer.messages", "jackson");
        defaults.put("spring.datasource.url", "jdbc:h2:file:" + dataDir + "/bare;WRITE_DELAY=0");
        defaults.put("spring.datasource.username", "sa");
        defaults.put("spring.datasource.password", "");
        // the engine's pool size, so neither side is held back by connections
        defaults.put("spring.datasource.hikari.maximum-pool-size", "24");
        app.setDefaultProperties(defaults);
        app.run(args);
    }

    private static String dataDir(String[] args) throws IOException {
        for (String arg : args) {
            if (arg.startsWith("--bare.data-dir=")) {
                Path dir = Path.of(arg.substring("--bare.data-dir=".length())).toAbsolutePath();
                Files.createDirectories(dir);
                return dir.toString();
            }
        }
        return Files.createTempDirectory("bare-axon").toString();
    }

    /** Axon's auto-configuration creates no event tables; a file-based H2 is not treated as embedded. */
    @Bean
    InitializingBean eventTables(EventStorageEngine engine) {
        return () -> ((JdbcEventStorageEngine) engine).createSchema(new H2EventTableFactory());
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("Bare baseline is ready");
    }
}
