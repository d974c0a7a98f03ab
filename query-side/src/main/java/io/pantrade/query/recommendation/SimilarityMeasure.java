package io.pantrade.query.recommendation;

/**
 * How two items' co-occurrence is normalised by how common each is, so that best-sellers do not
 * become everything's neighbour. Both give 1 for an item with itself.
 */
public enum SimilarityMeasure {

    /** customers of both / customers of either (SAR's default) */
    JACCARD {
        @Override
        double of(long both, long customersOfA, long customersOfB) {
            return (double) both / (customersOfA + customersOfB - both);
        }
    },
    /** customers of both / geometric mean of each one's customers */
    COSINE {
        @Override
        double of(long both, long customersOfA, long customersOfB) {
            return both / Math.sqrt((double) customersOfA * customersOfB);
        }
    };

    abstract double of(long both, long customersOfA, long customersOfB);
}
