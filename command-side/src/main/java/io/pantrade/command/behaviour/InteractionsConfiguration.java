package io.pantrade.command.behaviour;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InteractionsSettings.class)
class InteractionsConfiguration {

    /**
     * After signatures ({@code HIGHEST_PRECEDENCE + 15}), whose verified client it counts by; before
     * idempotency ({@code + 20}), so that a refused request never claims an Idempotency-Key.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> interactionsRateLimitFilter(InteractionsSettings settings, Clock clock,
                                                                         ObjectMapper objectMapper) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(new ClientRateLimit(clock, settings.rateLimit()), objectMapper));
        registration.addUrlPatterns("/api/interactions");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 17);
        return registration;
    }
}
