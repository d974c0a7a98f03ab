package io.pantrade.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The store itself is chosen by the launcher (H2 in the embedded mode, MongoDB in production), and
 * so is the key of the request fingerprints.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;

    IdempotencyConfiguration(IdempotencyStore store, Clock clock,
                             @Value("${pantrade.idempotency.retention:PT24H}") Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(ObjectMapper objectMapper,
            @Value("${pantrade.idempotency.in-progress-lease:PT30S}") Duration lease,
            ObjectProvider<CommitDurability> durability, RequestFingerprint fingerprints,
            Environment environment) {
        List<String> exemptPaths = Binder.get(environment)
                .bind("pantrade.idempotency.exempt-paths", Bindable.listOf(String.class)).orElse(List.of());
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                store, objectMapper, clock, lease, durability.getIfAvailable(() -> CommitDurability.ALREADY_DURABLE),
                fingerprints, exemptPaths));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Scheduled(fixedDelayString = "${pantrade.idempotency.purge-interval:PT1H}")
    void purgeExpiredKeys() {
        long purged = store.purgeCreatedBefore(clock.instant().minus(retention));
        if (purged > 0) {
            log.info("purged {} idempotency keys older than {}", purged, retention);
        }
    }
}
