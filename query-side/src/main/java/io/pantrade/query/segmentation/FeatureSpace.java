package io.pantrade.query.segmentation;

import io.pantrade.projection.behaviour.CustomerFeatures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features customers are clustered on, and the way back to business units. Recency (days
 * before the newest order in the data), orders, money spent and items per order are skewed over
 * orders of magnitude, so they are taken as log1p; the cancellation rate and the shares of the most
 * bought categories are already 0..1. Every feature is then standardised (z-score), so none weighs
 * more for its unit; a feature every customer has alike is 0 for all.
 */
final class FeatureSpace {

    static final int RECENCY = 0;
    static final int ORDERS = 1;
    static final int MONETARY = 2;
    static final int BASKET = 3;
    static final int CANCELLATION = 4;
    static final int FIRST_CATEGORY = 5;
    private static final List<String> FIXED = List.of("recencyDays", "orders", "monetaryMinor", "basketSize",
            "cancellationRate");

    private final Instant reference;
    private final List<String> categories;
    private final List<String> names;
    private final double[] means;
    private final double[] deviations;

    private FeatureSpace(Instant reference, List<String> categories, double[] means, double[] deviations) {
        this.reference = reference;
        this.categories = categories;
        List<String> all = new ArrayList<>(FIXED);
        categories.forEach(category -> all.add("share:" + category));
        this.names = List.copyOf(all);
        this.means = means;
        this.deviations = deviations;
    }

    /** @param customers at least one, each with a last order */
    static FeatureSpace fit(Collection<CustomerFeatures> customers, int topCategories) {
        Instant reference = customers.stream().map(CustomerFeatures::lastOrderAt).max(Comparator.naturalOrder())
                .orElseThrow();
        Map<String, Double> bought = new HashMap<>();
        customers.forEach(customer -> customer.categoryMix().forEach((category, share) -> bought.merge(category, share, Double::sum)));
        List<String> categories = bought.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(topCategories).map(Map.Entry::getKey).toList();
        FeatureSpace unscaled = new FeatureSpace(reference, categories, new double[0], new double[0]);
        int dimensions = unscaled.names.size();
        double[] sum = new double[dimensions];
        double[] squares = new double[dimensions];
        for (CustomerFeatures customer : customers) {
            double[] point = unscaled.transformed(customer);
            for (int d = 0; d < dimensions; d++) {
                sum[d] += point[d];
                squares[d] += point[d] * point[d];
            }
        }
        double[] means = new double[dimensions];
        double[] deviations = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            means[d] = sum[d] / customers.size();
            double variance = Math.max(0, squares[d] / customers.size() - means[d] * means[d]);
            deviations[d] = Math.sqrt(variance);
        }
        return new FeatureSpace(reference, categories, means, deviations);
    }

    List<String> names() {
        return names;
    }

    double[] standardised(CustomerFeatures customer) {
        double[] point = transformed(customer);
        for (int d = 0; d < point.length; d++) {
            point[d] = deviations[d] < 1e-9 ? 0 : (point[d] - means[d]) / deviations[d];
        }
        return point;
    }

    /** A mean of transformed points, back in business units (a geometric-style mean for the logged ones). */
    double[] inBusinessUnits(double[] transformedMean) {
        double[] original = transformedMean.clone();
        for (int d = RECENCY; d <= BASKET; d++) {
            original[d] = Math.expm1(transformedMean[d]);
        }
        return original;
    }

    double[] transformed(CustomerFeatures customer) {
        double[] point = new double[names.size()];
        double recencyDays = Math.max(0, Duration.between(customer.lastOrderAt(), reference).toSeconds() / 86_400.0);
        point[RECENCY] = Math.log1p(recencyDays);
        point[ORDERS] = Math.log1p(customer.orders());
        point[MONETARY] = Math.log1p(Math.max(0, customer.monetaryMinor()));
        point[BASKET] = Math.log1p(Math.max(0, customer.averageBasketSize()));
        point[CANCELLATION] = customer.cancellationRate();
        for (int c = 0; c < categories.size(); c++) {
            point[FIRST_CATEGORY + c] = customer.categoryMix().getOrDefault(categories.get(c), 0.0);
        }
        return point;
    }

    String category(int dimension) {
        return categories.get(dimension - FIRST_CATEGORY);
    }
}
