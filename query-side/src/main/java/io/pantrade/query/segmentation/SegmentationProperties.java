package io.pantrade.query.segmentation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code pantrade.segmentation.*}: when customers are segmented again, and how. */
@ConfigurationProperties("pantrade.segmentation")
record SegmentationProperties(@DefaultValue("PT1H") Duration refreshInterval,
                              @DefaultValue("2") int kMin,
                              @DefaultValue("8") int kMax,
                              @DefaultValue("2000") int silhouetteSample,
                              @DefaultValue("42") long seed,
                              @DefaultValue("3") int categories,
                              @DefaultValue("100") int iterations,
                              @DefaultValue("10") int restarts) {

    SegmentationSettings settings() {
        return new SegmentationSettings(kMin, kMax, silhouetteSample, seed, categories, iterations, restarts);
    }
}
