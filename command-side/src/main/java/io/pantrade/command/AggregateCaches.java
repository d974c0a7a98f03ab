package io.pantrade.command;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates that take several commands within moments of each other (a payment: authorize, the
 * provider's answer, capture; a delivery: assigned, accepted, picked up, delivered; a courier at
 * every take and release) are kept between commands rather than replayed from their events for
 * each one: Axon's caching repository, one cache per aggregate type, each holding at most
 * {@code pantrade.aggregates.cache-size} aggregates. A command whose unit of work rolls back evicts
 * its aggregate, so a rejected or failed change is never served from memory; with Axon Server,
 * commands for one aggregate are routed to one node. Orders are not cached: most of them are placed
 * and then completed once, and keeping every new order alive for a while would only give the
 * garbage collector more to copy at the order rate.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaches {

    public static final String PAYMENTS = "paymentCache";
    public static final String DELIVERIES = "deliveryCache";
    public static final String COURIERS = "courierCache";

    private final long size;

    AggregateCaches(@Value("${pantrade.aggregates.cache-size:10000}") long size) {
        this.size = size;
    }

    @Bean(PAYMENTS)
    Cache paymentCache() {
        return new BoundedCache(size);
    }

    @Bean(DELIVERIES)
    Cache deliveryCache() {
        return new BoundedCache(size);
    }

    @Bean(COURIERS)
    Cache courierCache() {
        return new BoundedCache(size);
    }
}
