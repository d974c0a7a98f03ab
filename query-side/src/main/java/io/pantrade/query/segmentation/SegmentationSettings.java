package io.pantrade.query.segmentation;

/**
 * @param kMin             fewest segments tried
 * @param kMax             most segments tried (lowered to the number of distinct customers)
 * @param silhouetteSample customers the silhouette of each k is measured on (all of them when fewer)
 * @param seed             for k-means++ and the silhouette sample: the same data gives the same segments
 * @param categories       how many of the most bought categories become features (their share of a customer's items)
 * @param iterations       k-means iterations at most
 * @param restarts         k-means++ runs per k; the one with the least within-cluster sum of squares is kept
 */
public record SegmentationSettings(int kMin, int kMax, int silhouetteSample, long seed, int categories,
                                   int iterations, int restarts) {

    public SegmentationSettings {
        if (kMin < 2 || kMax < kMin) {
            throw new IllegalArgumentException("segmentation needs 2 <= k-min <= k-max, not " + kMin + ".." + kMax);
        }
        if (silhouetteSample < 2 || categories < 0 || iterations < 1 || restarts < 1) {
            throw new IllegalArgumentException(
                    "silhouette-sample must be at least 2, categories not negative, iterations and restarts at least 1");
        }
    }
}
