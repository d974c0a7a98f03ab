package io.pantrade.query.recommendation;

import io.pantrade.kernel.customer.CustomerId;

import java.time.Instant;
import java.util.List;

/** A customer with no history gets popular items only: every item's basis says which it is. */
record CustomerRecommendations(CustomerId customerId, List<RecommendedItem> items, Instant modelBuiltAt) {
}
