package io.pantrade.query.segmentation;

/**
 * The mean silhouette of a clustering, measured on a sample of its points (exact over all pairs
 * when the sample is every point): for each point, how much nearer it is to its own cluster than
 * to the next nearest, from -1 (wrong cluster) to 1 (well apart). A point alone in its cluster
 * scores 0, as usual.
 */
final class Silhouette {

    private Silhouette() {
    }

    /** @param sample indices of the points measured; {@code clusters} assigns every point to 0..k-1 */
    static double of(double[][] points, int[] clusters, int k, int[] sample) {
        double total = 0;
        for (int i : sample) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j : sample) {
                if (j != i) {
                    sum[clusters[j]] += distance(points[i], points[j]);
                    count[clusters[j]]++;
                }
            }
            int own = clusters[i];
            if (count[own] == 0) {
                continue;
            }
            double a = sum[own] / count[own];
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            if (b != Double.POSITIVE_INFINITY && Math.max(a, b) > 0) {
                total += (b - a) / Math.max(a, b);
            }
        }
        return total / sample.length;
    }

    private static double distance(double[] x, double[] y) {
        double squares = 0;
        for (int d = 0; d < x.length; d++) {
            double delta = x[d] - y[d];
            squares += delta * delta;
        }
        return Math.sqrt(squares);
    }
}
