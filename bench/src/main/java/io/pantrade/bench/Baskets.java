package io.pantrade.bench;

import io.pantrade.projection.behaviour.ItemRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Item rows as the behaviour read model keeps them, worked out from each customer's weights per SKU:
 * customers per item, total weight, and customers per pair of items (a dense table: a few thousand
 * items here).
 */
final class Baskets {

    private Baskets() {
    }

    static Consumer<Consumer<ItemRow>> itemRows(Iterable<Map<String, Double>> customers) {
        Map<String, Integer> index = new HashMap<>();
        List<String> skus = new ArrayList<>();
        for (Map<String, Double> weights : customers) {
            weights.keySet().forEach(sku -> index.computeIfAbsent(sku, unseen -> {
                skus.add(unseen);
                return skus.size() - 1;
            }));
        }
        int items = skus.size();
        int[][] together = new int[items][items];
        long[] buyers = new long[items];
        double[] popularity = new double[items];
        for (Map<String, Double> weights : customers) {
            int[] bought = weights.keySet().stream().mapToInt(index::get).toArray();
            for (int a = 0; a < bought.length; a++) {
                buyers[bought[a]]++;
                for (int b = a + 1; b < bought.length; b++) {
                    together[bought[a]][bought[b]]++;
                    together[bought[b]][bought[a]]++;
                }
            }
            weights.forEach((sku, weight) -> popularity[index.get(sku)] += weight);
        }
        return row -> {
            for (int item = 0; item < items; item++) {
                Map<String, Long> cooccurrence = new HashMap<>();
                for (int other = 0; other < items; other++) {
                    if (together[item][other] > 0) {
                        cooccurrence.put(skus.get(other), (long) together[item][other]);
                    }
                }
                row.accept(new ItemRow(skus.get(item), buyers[item], popularity[item], cooccurrence));
            }
        };
    }
}
