package io.pantrade.query.recommendation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code pantrade.recommendation.*}: when the similarity model is rebuilt, and how it recommends. */
@ConfigurationProperties("pantrade.recommendation")
record RecommendationProperties(@DefaultValue("PT5M") Duration refreshInterval,
                                @DefaultValue("JACCARD") SimilarityMeasure measure,
                                @DefaultValue("20") int neighbours,
                                @DefaultValue("1") int minCooccurrence,
                                @DefaultValue("LAST_PURCHASE") Exclusion exclusion,
                                @DefaultValue("1.0") double lastPurchaseBoost) {

    RecommenderSettings settings() {
        return new RecommenderSettings(measure, neighbours, minCooccurrence, exclusion, lastPurchaseBoost);
    }
}
