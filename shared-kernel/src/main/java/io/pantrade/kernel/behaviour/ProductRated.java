package io.pantrade.kernel.behaviour;

import io.pantrade.kernel.customer.CustomerId;

import java.time.Instant;

/** {@code rating} is 1 (worst) to 5 (best). */
public record ProductRated(CustomerId customerId, String sku, int rating, Instant at) {
}
