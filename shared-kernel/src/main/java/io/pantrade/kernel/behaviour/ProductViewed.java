package io.pantrade.kernel.behaviour;

import io.pantrade.kernel.customer.CustomerId;

import java.time.Instant;

/** A client app saw the customer look at a product. Like every interaction, an event with no aggregate. */
public record ProductViewed(CustomerId customerId, String sku, Instant at) {
}
