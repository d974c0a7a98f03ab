package io.pantrade.query.recommendation;

/**
 * @param measure           how co-occurrence becomes similarity
 * @param neighbours        similar items kept per item (the rest are forgotten: bounds memory and query time)
 * @param minCooccurrence   customers two items must share before they count as similar at all
 * @param exclusion         which of a customer's own items are not recommended to them
 * @param lastPurchaseBoost how much more the items of the customer's latest order weigh than the rest of their history
 */
public record RecommenderSettings(SimilarityMeasure measure,
                                  int neighbours,
                                  int minCooccurrence,
                                  Exclusion exclusion,
                                  double lastPurchaseBoost) {

    public RecommenderSettings {
        if (measure == null || exclusion == null) {
            throw new IllegalArgumentException("a similarity measure and an exclusion are required");
        }
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1");
        }
        if (minCooccurrence < 1) {
            throw new IllegalArgumentException("min-cooccurrence must be at least 1");
        }
        if (!(lastPurchaseBoost >= 1.0)) {
            throw new IllegalArgumentException("last-purchase-boost must be at least 1");
        }
    }

    public RecommenderSettings with(Exclusion other) {
        return new RecommenderSettings(measure, neighbours, minCooccurrence, other, lastPurchaseBoost);
    }
}
