package io.pantrade.command.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;

/**
 * Client keys come from {@code pantrade.signing.clients} and are checked at start-up; the nonce
 * store is chosen by the launcher: H2 in the embedded mode, MongoDB in production.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SigningProperties.class)
class SigningConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningConfiguration.class);

    private final SigningProperties properties;
    private final NonceStore nonces;
    private final Clock clock;

    SigningConfiguration(SigningProperties properties, NonceStore nonces, Clock clock) {
        this.properties = properties;
        this.nonces = nonces;
        this.clock = clock;
    }

    /**
     * After the body limit ({@code HIGHEST_PRECEDENCE + 10}), so that an oversized body is refused
     * before it is read here; before idempotency ({@code + 20}), so that a refused request never
     * claims an Idempotency-Key.
     */
    @Bean
    FilterRegistrationBean<SignedRequestFilter> signedRequestFilter(ObjectMapper objectMapper) {
        SigningClients clients = SigningClients.fromConfiguration(properties.clients());
        log.info("state-changing requests under {} must be signed; registered clients: {}",
                properties.protectedPaths(), clients.describe());
        FilterRegistrationBean<SignedRequestFilter> registration = new FilterRegistrationBean<>(new SignedRequestFilter(
                properties.protectedPaths(), clients, nonces, clock, properties.tolerance(), objectMapper));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    /**
     * A nonce can be replayed only with the timestamp it was signed with, which is at most one
     * tolerance after the nonce was used and stale one tolerance later: past twice the tolerance the
     * filter refuses the replay without the nonce.
     */
    @Scheduled(fixedDelayString = "${pantrade.signing.purge-interval:PT5M}")
    void purgeExpiredNonces() {
        Duration kept = properties.tolerance().multipliedBy(2);
        long purged = nonces.purgeUsedBefore(clock.instant().minus(kept));
        if (purged > 0) {
            log.debug("purged {} request nonces older than {}", purged, kept);
        }
    }
}
