package io.pantrade.query.segmentation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Business names read off standardised centroids (in standard deviations from the mean customer;
 * recency is high when the last order was long ago). The first rule that holds names the segment:
 * <ol>
 *   <li>loyal high spenders: many orders, much spent, recent</li>
 *   <li>frequent returners: far more cancellations and returns than anyone</li>
 *   <li>at risk: last seen long ago, though they ordered or spent at least as much as most</li>
 *   <li>lost: last seen long ago, little bought</li>
 *   <li>new: few orders, recent</li>
 *   <li>bulk buyers: big baskets</li>
 *   <li>high spenders, loyal, one-off buyers, and otherwise regulars</li>
 * </ol>
 * When two segments get the same name, the later one is told apart by its most distinctive feature.
 */
final class SegmentNames {

    private static final double HIGH = 0.5;
    private static final double VERY_HIGH = 1.0;

    private SegmentNames() {
    }

    /** @param centroids standardised, in the order the names are wanted */
    static List<String> of(List<double[]> centroids, FeatureSpace space) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (double[] centroid : centroids) {
            String name = base(centroid);
            if (used.contains(name)) {
                name = name + " (" + trait(centroid, space) + ")";
            }
            String unique = name;
            for (int n = 2; used.contains(unique); n++) {
                unique = name + " " + n;
            }
            used.add(unique);
            names.add(unique);
        }
        return names;
    }

    static String base(double[] z) {
        double recency = z[FeatureSpace.RECENCY];
        double orders = z[FeatureSpace.ORDERS];
        double monetary = z[FeatureSpace.MONETARY];
        if (orders >= HIGH && monetary >= HIGH && recency <= 0) {
            return "loyal high spenders";
        }
        if (z[FeatureSpace.CANCELLATION] >= 1.5) {
            return "frequent returners";
        }
        if (recency >= 0.75) {
            return orders >= 0 || monetary >= 0 ? "at risk" : "lost";
        }
        if (orders <= -HIGH && recency <= -0.25) {
            return "new";
        }
        if (z[FeatureSpace.BASKET] >= VERY_HIGH) {
            return "bulk buyers";
        }
        if (monetary >= HIGH) {
            return "high spenders";
        }
        if (orders >= HIGH) {
            return "loyal";
        }
        if (orders <= -HIGH) {
            return "one-off buyers";
        }
        return "regulars";
    }

    /** The feature the centroid is farthest from the mean customer on, in words. */
    private static String trait(double[] z, FeatureSpace space) {
        int most = 0;
        for (int d = 1; d < z.length; d++) {
            if (Math.abs(z[d]) > Math.abs(z[most])) {
                most = d;
            }
        }
        boolean high = z[most] > 0;
        return switch (most) {
            case FeatureSpace.RECENCY -> high ? "last seen long ago" : "recently active";
            case FeatureSpace.ORDERS -> high ? "many orders" : "few orders";
            case FeatureSpace.MONETARY -> high ? "higher spend" : "lower spend";
            case FeatureSpace.BASKET -> high ? "big baskets" : "small baskets";
            case FeatureSpace.CANCELLATION -> high ? "many returns" : "few returns";
            default -> (high ? "mostly " : "little ") + space.category(most);
        };
    }
}
