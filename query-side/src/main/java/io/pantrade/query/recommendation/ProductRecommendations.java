package io.pantrade.query.recommendation;

import java.time.Instant;
import java.util.List;

/** "Customers also bought": fewer than asked for, or none, when few customers bought it with others. */
record ProductRecommendations(String sku, List<RecommendedItem> items, Instant modelBuiltAt) {
}
