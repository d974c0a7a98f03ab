package io.pantrade.query.segmentation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code note} says why the answer is not an ordinary clustering (no customers, all alike, k lowered). */
record Segments(Instant builtAt, Integer chosenK, Double silhouette, Map<Integer, Double> silhouetteByK, String note,
                List<String> features, List<Segment> segments) {
}
