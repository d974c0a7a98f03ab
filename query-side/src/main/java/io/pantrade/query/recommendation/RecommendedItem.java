package io.pantrade.query.recommendation;

/** {@code basis}: SIMILAR (from the customer's or product's neighbours) or POPULAR (the fallback). */
public record RecommendedItem(String sku, double score, Basis basis) {

    public enum Basis { SIMILAR, POPULAR }
}
