package io.pantrade.projection.behaviour;

import io.pantrade.kernel.customer.CustomerId;

import java.time.Instant;
import java.util.Map;

/**
 * What segmentation knows of a customer. Recency is worked out against a reference time by the
 * reader (the newest order in the data for an imported history, now for live data).
 * {@code monetaryMinor} is what they spent net of cancellations and returns, in {@code currency}
 * (their first order's; orders in other currencies are left out). {@code averageBasketSize} is items
 * per order; {@code categoryMix} the share of items bought per category (summing to 1);
 * {@code cancellationRate} the share of their orders cancelled or returned.
 */
public record CustomerFeatures(CustomerId customerId,
                               Instant firstOrderAt,
                               Instant lastOrderAt,
                               long orders,
                               long monetaryMinor,
                               String currency,
                               double averageBasketSize,
                               Map<String, Double> categoryMix,
                               double cancellationRate) {

    public CustomerFeatures {
        categoryMix = Map.copyOf(categoryMix);
    }
}
