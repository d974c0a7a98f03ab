package io.pantrade.query.segmentation;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.projection.behaviour.CustomerFeatures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class SegmentationTest {

    private static final Instant NEWEST = Instant.parse("2025-06-30T12:00:00Z");
    private static final SegmentationSettings SETTINGS = new SegmentationSettings(2, 6, 2000, 42, 3, 100, 10);

    private Random random = new Random(1);

    @Test
    void three_generated_groups_are_recovered_whole_and_named_for_what_they_are() {
        List<CustomerFeatures> loyal = group(80, 1, 10, 25, 40, 500_000, 900_000);
        List<CustomerFeatures> lost = group(80, 250, 360, 1, 3, 2_000, 8_000);
        List<CustomerFeatures> fresh = group(80, 0, 10, 1, 1, 3_000, 12_000);
        List<CustomerFeatures> all = new ArrayList<>(loyal);
        all.addAll(lost);
        all.addAll(fresh);

        Segmentation segmentation = Segmentation.build(all::forEach, SETTINGS, NEWEST);

        assertThat(segmentation.chosenK()).isEqualTo(3);
        assertThat(segmentation.silhouette()).isGreaterThan(0.5).isEqualTo(segmentation.silhouetteByK().get(3));
        assertThat(segmentation.silhouetteByK()).containsOnlyKeys(2, 3, 4, 5, 6);
        assertThat(segmentation.note()).isNull();
        assertThat(nameOfTheOneSegment(segmentation, loyal)).isEqualTo("loyal high spenders");
        assertThat(nameOfTheOneSegment(segmentation, lost)).isEqualTo("lost");
        assertThat(nameOfTheOneSegment(segmentation, fresh)).isEqualTo("new");
        assertThat(segmentation.segments()).extracting(Segment::size).containsExactly(80, 80, 80);
        Segment loyalSegment = segmentation.segmentOf(loyal.get(0).customerId()).orElseThrow();
        assertThat(loyalSegment.centroid().get("orders")).isBetween(25.0, 40.0);
        assertThat(loyalSegment.standardisedCentroid().get("orders")).isGreaterThan(1.0);
        assertThat(segmentation.customersOf(loyalSegment.segmentId())).hasValueSatisfying(members ->
                assertThat(members).containsExactlyInAnyOrderElementsOf(loyal.stream().map(CustomerFeatures::customerId).toList()));
    }

    @Test
    void restarts_outvote_a_k_means_run_that_settles_with_two_centroids_in_one_group() {
        List<CustomerFeatures> all = new ArrayList<>(group(80, 1, 10, 25, 40, 500_000, 900_000));
        all.addAll(group(80, 250, 360, 1, 3, 2_000, 8_000));
        all.addAll(group(80, 0, 10, 1, 1, 3_000, 12_000));
        SegmentationSettings oneRun = new SegmentationSettings(2, 6, 2000, 42, 3, 100, 1);

        Segmentation once = Segmentation.build(all::forEach, oneRun, NEWEST);
        Segmentation restarted = Segmentation.build(all::forEach, SETTINGS, NEWEST);

        assertThat(once.chosenK()).as("these customers trap a single k-means++ run").isNotEqualTo(3);
        assertThat(restarted.chosenK()).isEqualTo(3);
        assertThat(restarted.silhouetteByK().get(3)).isGreaterThan(once.silhouetteByK().get(3));
    }

    @Test
    void settings_need_at_least_one_run() {
        assertThatThrownBy(() -> new SegmentationSettings(2, 6, 2000, 42, 3, 100, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("restarts at least 1");
    }

    @Test
    void the_same_customers_give_the_same_segments() {
        List<CustomerFeatures> all = new ArrayList<>(group(50, 1, 30, 5, 20, 50_000, 200_000));
        all.addAll(group(50, 100, 300, 1, 4, 1_000, 20_000));

        Segmentation first = Segmentation.build(all::forEach, SETTINGS, NEWEST);
        Segmentation again = Segmentation.build(all::forEach, SETTINGS, NEWEST);

        assertThat(again.segments()).isEqualTo(first.segments());
        assertThat(again.silhouetteByK()).isEqualTo(first.silhouetteByK());
    }

    @Test
    void one_customer_is_one_segment_everyone_with_the_reason() {
        CustomerFeatures only = customer(3, 4, 10_000);

        Segmentation segmentation = Segmentation.build(List.of(only)::forEach, SETTINGS, NEWEST);

        assertThat(segmentation.segments()).singleElement().satisfies(segment -> {
            assertThat(segment.name()).isEqualTo("everyone");
            assertThat(segment.size()).isEqualTo(1);
            assertThat(segment.centroid().get("orders")).isEqualTo(4.0, within(1e-9));
        });
        assertThat(segmentation.chosenK()).isEqualTo(1);
        assertThat(segmentation.silhouette()).isNull();
        assertThat(segmentation.note()).contains("only one customer");
        assertThat(segmentation.segmentOf(only.customerId())).map(Segment::segmentId).hasValue(0);
    }

    @Test
    void identical_customers_are_one_segment() {
        List<CustomerFeatures> twins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            twins.add(customer(7, 2, 5_000));
        }

        Segmentation segmentation = Segmentation.build(twins::forEach, SETTINGS, NEWEST);

        assertThat(segmentation.segments()).extracting(Segment::name, Segment::size).containsExactly(
                tuple("everyone", 5));
        assertThat(segmentation.note()).contains("all 5 customers who ordered look alike");
    }

    @Test
    void k_larger_than_the_customers_is_lowered_to_them() {
        List<CustomerFeatures> three = List.of(customer(1, 30, 900_000), customer(200, 1, 1_000), customer(2, 1, 2_000));

        Segmentation segmentation = Segmentation.build(three::forEach,
                new SegmentationSettings(4, 8, 2000, 42, 3, 100, 10), NEWEST);

        assertThat(segmentation.chosenK()).isEqualTo(3);
        assertThat(segmentation.silhouetteByK()).containsOnlyKeys(3);
        assertThat(segmentation.note()).isEqualTo("k-max lowered from 8 to 3: only 3 customers differ");
        assertThat(segmentation.segments()).extracting(Segment::size).containsExactly(1, 1, 1);
        assertThat(new HashSet<>(segmentation.segments().stream().map(Segment::name).toList())).hasSize(3);
    }

    @Test
    void no_customer_who_ordered_means_no_segments_and_says_so() {
        CustomerFeatures browser = new CustomerFeatures(new CustomerId(UUID.randomUUID().toString()), null, null, 0, 0,
                "EUR", 0, Map.of(), 0);

        Segmentation segmentation = Segmentation.build(List.of(browser)::forEach, SETTINGS, NEWEST);

        assertThat(segmentation.segments()).isEmpty();
        assertThat(segmentation.chosenK()).isNull();
        assertThat(segmentation.note()).isEqualTo("no customer has ordered yet: nothing to segment");
        assertThat(segmentation.segmentOf(browser.customerId())).isEmpty();
        assertThat(segmentation.customersOf(0)).isEmpty();
    }

    @Test
    void the_most_bought_categories_become_share_features_and_the_rest_count_for_nothing() {
        List<CustomerFeatures> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(withMix(customer(5, 3, 10_000), Map.of("tea", 0.9, "cakes", 0.1)));
            all.add(withMix(customer(5, 3, 10_000), Map.of("garden", 0.8, "cakes", 0.2)));
        }
        all.add(withMix(customer(5, 3, 10_000), Map.of("socks", 1.0)));

        Segmentation segmentation = Segmentation.build(all::forEach,
                new SegmentationSettings(2, 3, 2000, 42, 2, 100, 10), NEWEST);

        assertThat(segmentation.features()).containsExactly("recencyDays", "orders", "monetaryMinor", "basketSize",
                "cancellationRate", "share:tea", "share:garden");
        assertThat(segmentation.chosenK()).isEqualTo(3);
        assertThat(segmentation.segments()).extracting(Segment::size).containsExactly(20, 20, 1);
        assertThat(segmentation.segments().get(2).centroid()).containsEntry("share:tea", 0.0).containsEntry("share:garden", 0.0);
        assertThat(segmentation.segments()).extracting(Segment::name).doesNotHaveDuplicates();
    }

    private String nameOfTheOneSegment(Segmentation segmentation, List<CustomerFeatures> group) {
        Set<String> names = new HashSet<>();
        group.forEach(customer -> names.add(segmentation.segmentOf(customer.customerId()).orElseThrow().name()));
        assertThat(names).hasSize(1);
        return names.iterator().next();
    }

    private List<CustomerFeatures> group(int size, int minDays, int maxDays, int minOrders, int maxOrders,
                                         long minSpent, long maxSpent) {
        List<CustomerFeatures> group = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            group.add(customer(minDays + random.nextInt(maxDays - minDays + 1),
                    minOrders + random.nextInt(maxOrders - minOrders + 1),
                    minSpent + (long) (random.nextDouble() * (maxSpent - minSpent))));
        }
        return group;
    }

    /** Ids come from the seeded generator too: customers are clustered in id order, so ids steer k-means++. */
    private CustomerFeatures customer(int daysAgo, long orders, long spentMinor) {
        Instant last = NEWEST.minus(Duration.ofDays(daysAgo));
        return new CustomerFeatures(new CustomerId(new UUID(random.nextLong(), random.nextLong()).toString()), last.minus(Duration.ofDays(orders * 7)),
                last, orders, spentMinor, "EUR", 12, Map.of(), 0.0);
    }

    private CustomerFeatures withMix(CustomerFeatures customer, Map<String, Double> mix) {
        return new CustomerFeatures(customer.customerId(), customer.firstOrderAt(), customer.lastOrderAt(),
                customer.orders(), customer.monetaryMinor(), customer.currency(), customer.averageBasketSize(), mix,
                customer.cancellationRate());
    }
}
