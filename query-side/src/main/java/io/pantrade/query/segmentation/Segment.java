package io.pantrade.query.segmentation;

import java.util.Map;

/**
 * @param centroid             the segment's centre in business units: days since the last order,
 *                             orders, money spent (minor units), items per order, cancellation rate,
 *                             category shares
 * @param standardisedCentroid the same centre in standard deviations from the mean customer, which
 *                             is what the name was read from
 */
public record Segment(int segmentId, String name, int size, Map<String, Double> centroid,
                      Map<String, Double> standardisedCentroid) {
}
