package io.pantrade.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates that take several commands within moments of each other (an order, its payment and
 * delivery through fulfilment, a courier at each assignment) are kept between commands rather than
 * replayed from their events for each one: Axon's caching repository, one cache per aggregate type
 * (an order and its delivery may share an id). Weak references: an entry lasts until a garbage
 * collection finds it unused, so the caches need no size limit and never hold the heap. A command
 * whose unit of work rolls back evicts its aggregate, so a rejected or failed change is never served
 * from memory; and with Axon Server, commands for one aggregate are routed to one node.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaches {

    public static final String ORDERS = "orderCache";
    public static final String PAYMENTS = "paymentCache";
    public static final String DELIVERIES = "deliveryCache";
    public static final String COURIERS = "courierCache";

    @Bean(ORDERS)
    Cache orderCache() {
        return new WeakReferenceCache();
    }

    @Bean(PAYMENTS)
    Cache paymentCache() {
        return new WeakReferenceCache();
    }

    @Bean(DELIVERIES)
    Cache deliveryCache() {
        return new WeakReferenceCache();
    }

    @Bean(COURIERS)
    Cache courierCache() {
        return new WeakReferenceCache();
    }
}
