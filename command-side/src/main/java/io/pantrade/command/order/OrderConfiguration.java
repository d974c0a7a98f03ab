package io.pantrade.command.order;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

    @Bean
    OrderLimits orderLimits(@Value("${pantrade.orders.max-total-minor:100000000}") long defaultMaxTotalMinor,
                            Environment environment) {
        Map<String, Long> perCurrency = Binder.get(environment)
                .bind("pantrade.orders.max-total-minor-by-currency", Bindable.mapOf(String.class, Long.class))
                .orElse(Map.of());
        return new OrderLimits(defaultMaxTotalMinor, perCurrency);
    }
}
