package io.pantrade.query.segmentation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SilhouetteTest {

    private static final double[][] TWO_PAIRS = {{0, 0}, {0, 1}, {10, 0}, {10, 1}};
    private static final int[] ALL = {0, 1, 2, 3};

    @Test
    void well_apart_clusters_score_near_one_as_worked_out_by_hand() {
        double b = (10 + Math.sqrt(101)) / 2;

        assertThat(Silhouette.of(TWO_PAIRS, new int[] {0, 0, 1, 1}, 2, ALL)).isCloseTo((b - 1) / b, within(1e-9));
    }

    @Test
    void points_in_the_wrong_clusters_score_below_zero() {
        assertThat(Silhouette.of(TWO_PAIRS, new int[] {0, 1, 0, 1}, 2, ALL)).isLessThan(0);
    }

    @Test
    void a_point_alone_in_its_cluster_scores_zero_and_the_sample_is_what_is_measured() {
        double alone = Silhouette.of(TWO_PAIRS, new int[] {0, 0, 1, 2}, 3, ALL);

        assertThat(alone).isCloseTo((0.9 + 0.9 + 0 + 0) / 4, within(1e-9));
        assertThat(Silhouette.of(TWO_PAIRS, new int[] {0, 0, 1, 1}, 2, new int[] {0, 1, 2}))
                .isCloseTo((0.9 + (1 - 1 / Math.sqrt(101)) + 0) / 3, within(1e-9));
    }
}
