package io.pantrade.projection.behaviour;

/**
 * How much each interaction adds to a customer's affinity for a SKU: a purchase per order line
 * (not per unit: a wholesale line of 500 units is one decision), an add-to-cart, a view; a rating
 * adds {@code (stars − 3) × ratingPerStar}, so 1 and 2 stars subtract. A cancelled order or a
 * returned line takes its purchase weight back.
 */
public record BehaviourWeights(double purchase, double cart, double view, double ratingPerStar) {

    public BehaviourWeights {
        if (purchase <= 0 || cart <= 0 || view <= 0 || ratingPerStar < 0) {
            throw new IllegalArgumentException("interaction weights must be positive (the rating step may be 0)");
        }
    }

    double rating(int stars) {
        return (stars - 3) * ratingPerStar;
    }
}
