package io.pantrade.projection.behaviour;

import io.pantrade.kernel.customer.CustomerId;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One customer's affinity per SKU: the sum of their interactions' weights (purchase > add-to-cart >
 * view; a rating adds or subtracts by how far it is from neutral), the SKUs of their latest order,
 * and when they last did anything.
 */
public record CustomerHistory(CustomerId customerId, Map<String, Double> weights, List<String> lastPurchase,
                              Instant lastInteractionAt) {

    public CustomerHistory {
        weights = Map.copyOf(weights);
        lastPurchase = List.copyOf(lastPurchase);
    }
}
