package io.pantrade.kernel.behaviour;

import io.pantrade.kernel.customer.CustomerId;

import java.time.Instant;

public record ProductAddedToCart(CustomerId customerId, String sku, int quantity, Instant at) {
}
