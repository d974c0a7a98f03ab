package io.pantrade.query.recommendation;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.projection.behaviour.CustomerHistory;
import io.pantrade.projection.behaviour.ItemRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Five customers' baskets whose answers can be worked out by hand: bread and butter always go
 * together (Jaccard 1), tea and biscuits too, jam goes with each pair once.
 */
class ItemSimilarityTest {

    private static final List<Set<String>> BASKETS = List.of(
            Set.of("bread", "butter"),
            Set.of("bread", "butter", "jam"),
            Set.of("bread", "butter"),
            Set.of("tea", "biscuits"),
            Set.of("tea", "biscuits", "jam"));

    private static final RecommenderSettings JACCARD = new RecommenderSettings(SimilarityMeasure.JACCARD, 50, 1,
            Exclusion.EVERYTHING_KNOWN, 1.0);

    @Test
    void a_customer_who_bought_bread_gets_butter_then_jam_then_popular_items() {
        List<RecommendedItem> items = model(JACCARD).recommend(history(Map.of("bread", 1.0), List.of("bread")), 4);

        assertThat(items).extracting(RecommendedItem::sku).containsExactly("butter", "jam", "biscuits", "tea");
        assertThat(items).extracting(RecommendedItem::basis).containsExactly(RecommendedItem.Basis.SIMILAR,
                RecommendedItem.Basis.SIMILAR, RecommendedItem.Basis.POPULAR, RecommendedItem.Basis.POPULAR);
        assertThat(items.get(0).score()).isCloseTo(1.0, within(1e-6));
        assertThat(items.get(1).score()).isCloseTo(0.25, within(1e-6));
    }

    @Test
    void a_history_is_scored_as_its_weights_times_the_similarities() {
        List<RecommendedItem> items = model(JACCARD).recommend(history(Map.of("bread", 2.0, "tea", 1.0), List.of("tea")), 3);

        assertThat(items).extracting(RecommendedItem::sku).containsExactly("butter", "biscuits", "jam");
        assertThat(items.get(0).score()).isCloseTo(2.0, within(1e-6));
        assertThat(items.get(1).score()).isCloseTo(1.0, within(1e-6));
        assertThat(items.get(2).score()).isCloseTo(2 * 0.25 + 1.0 / 3, within(1e-6));
    }

    @Test
    void customers_also_bought_lists_the_nearest_neighbours_best_first() {
        assertThat(model(JACCARD).alsoBought("tea", 10)).hasValueSatisfying(items -> {
            assertThat(items).extracting(RecommendedItem::sku).containsExactly("biscuits", "jam");
            assertThat(items.get(1).score()).isCloseTo(1.0 / 3, within(1e-6));
        });
        assertThat(model(JACCARD).alsoBought("tea", 1)).hasValueSatisfying(items ->
                assertThat(items).extracting(RecommendedItem::sku).containsExactly("biscuits"));
        assertThat(model(JACCARD).alsoBought("caviar", 10)).isEmpty();
    }

    @Test
    void cosine_normalises_by_the_geometric_mean_of_the_two_items_customers() {
        ItemSimilarity cosine = model(new RecommenderSettings(SimilarityMeasure.COSINE, 50, 1, Exclusion.NONE, 1.0));

        assertThat(cosine.alsoBought("bread", 10)).hasValueSatisfying(items -> {
            assertThat(items).extracting(RecommendedItem::sku).containsExactly("butter", "jam");
            assertThat(items.get(1).score()).isCloseTo(1 / Math.sqrt(3 * 2), within(1e-6));
        });
    }

    @Test
    void pairs_seen_fewer_times_than_the_minimum_and_neighbours_beyond_the_limit_are_forgotten() {
        ItemSimilarity strict = model(new RecommenderSettings(SimilarityMeasure.JACCARD, 50, 2, Exclusion.NONE, 1.0));
        ItemSimilarity narrow = model(new RecommenderSettings(SimilarityMeasure.JACCARD, 1, 1, Exclusion.NONE, 1.0));

        assertThat(strict.alsoBought("jam", 10)).hasValue(List.of());
        assertThat(strict.alsoBought("bread", 10)).hasValueSatisfying(items ->
                assertThat(items).extracting(RecommendedItem::sku).containsExactly("butter"));
        assertThat(narrow.alsoBought("jam", 10)).hasValueSatisfying(items ->
                assertThat(items).extracting(RecommendedItem::sku).containsExactly("biscuits"));
    }

    @Test
    void a_new_customer_gets_the_most_popular_items() {
        List<RecommendedItem> items = model(JACCARD).recommend(null, 3);

        assertThat(items).extracting(RecommendedItem::sku).containsExactly("bread", "butter", "biscuits");
        assertThat(items).allMatch(item -> item.basis() == RecommendedItem.Basis.POPULAR);
        assertThat(model(JACCARD).recommend(history(Map.of("caviar", 3.0), List.of("caviar")), 2))
                .extracting(RecommendedItem::sku).containsExactly("bread", "butter");
    }

    @Test
    void an_empty_catalogue_recommends_nothing() {
        ItemSimilarity empty = ItemSimilarity.build(rows -> { }, JACCARD, Instant.EPOCH);

        assertThat(empty.recommend(null, 10)).isEmpty();
        assertThat(empty.items()).isZero();
    }

    @Test
    void what_the_exclusion_names_is_never_recommended() {
        CustomerHistory history = history(Map.of("bread", 3.0, "butter", 1.0), List.of("butter"));

        assertThat(model(JACCARD.with(Exclusion.NONE)).recommend(history, 3))
                .extracting(RecommendedItem::sku).containsExactly("bread", "butter", "jam");
        assertThat(model(JACCARD.with(Exclusion.LAST_PURCHASE)).recommend(history, 3))
                .extracting(RecommendedItem::sku).containsExactly("bread", "jam", "biscuits");
        assertThat(model(JACCARD.with(Exclusion.EVERYTHING_KNOWN)).recommend(history, 3))
                .extracting(RecommendedItem::sku).containsExactly("jam", "biscuits", "tea");
    }

    @Test
    void an_item_the_customer_dislikes_on_balance_is_never_recommended_nor_counts_as_taste() {
        CustomerHistory history = history(Map.of("tea", -1.0, "bread", 1.0), List.of());

        List<RecommendedItem> items = model(JACCARD.with(Exclusion.NONE)).recommend(history, 5);

        assertThat(items).extracting(RecommendedItem::sku).containsExactly("bread", "butter", "jam", "biscuits");
    }

    @Test
    void the_latest_order_can_weigh_more_than_older_history() {
        CustomerHistory history = history(Map.of("bread", 1.0, "tea", 1.0), List.of("tea"));
        RecommenderSettings boosted = new RecommenderSettings(SimilarityMeasure.JACCARD, 50, 1, Exclusion.EVERYTHING_KNOWN, 3.0);

        assertThat(model(JACCARD).recommend(history, 2)).extracting(RecommendedItem::sku)
                .containsExactly("biscuits", "butter");
        List<RecommendedItem> items = model(boosted).recommend(history, 2);
        assertThat(items).extracting(RecommendedItem::sku).containsExactly("biscuits", "jam");
        assertThat(items.get(1).score()).isCloseTo(3.0 / 3 + 0.25, within(1e-6));
    }

    static ItemSimilarity model(RecommenderSettings settings) {
        return ItemSimilarity.build(rows(BASKETS), settings, Instant.EPOCH);
    }

    /** The rows the behaviour read model would hold for these baskets, one purchase each. */
    static Consumer<Consumer<ItemRow>> rows(List<Set<String>> baskets) {
        Map<String, Long> customers = new HashMap<>();
        Map<String, Map<String, Long>> together = new HashMap<>();
        for (Set<String> basket : baskets) {
            for (String sku : basket) {
                customers.merge(sku, 1L, Long::sum);
                for (String other : basket) {
                    if (!other.equals(sku)) {
                        together.computeIfAbsent(sku, s -> new HashMap<>()).merge(other, 1L, Long::sum);
                    }
                }
            }
        }
        List<ItemRow> rows = new ArrayList<>();
        customers.forEach((sku, count) -> rows.add(new ItemRow(sku, count, count, together.getOrDefault(sku, Map.of()))));
        return rows::forEach;
    }

    private static CustomerHistory history(Map<String, Double> weights, List<String> lastPurchase) {
        return new CustomerHistory(new CustomerId(UUID.randomUUID().toString()), weights, lastPurchase, Instant.EPOCH);
    }
}
