package io.pantrade.bench;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.projection.behaviour.CustomerFeatures;
import io.pantrade.projection.behaviour.CustomerHistory;
import io.pantrade.projection.behaviour.ItemRow;
import io.pantrade.query.recommendation.Exclusion;
import io.pantrade.query.recommendation.ItemSimilarity;
import io.pantrade.query.recommendation.RecommendedItem;
import io.pantrade.query.recommendation.RecommenderSettings;
import io.pantrade.query.recommendation.SimilarityMeasure;
import io.pantrade.query.segmentation.Segment;
import io.pantrade.query.segmentation.Segmentation;
import io.pantrade.query.segmentation.SegmentationSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Offline evaluation of the engine's recommender and segmentation on the UCI Online Retail data:
 * each customer with two invoices or more has their last invoice held out; the item model and the
 * popularity ranking are trained on everything else with the engine's own classes; the top k of
 * each is scored against the held-out invoice's items. Then the segmentation of all customers, and
 * the in-process latency of a recommendation over a synthetic catalogue of {@code --latency-products}.
 */
final class RecommendEval {

    private RecommendEval() {
    }

    static int run(String[] args) throws Exception {
        CommandLine options;
        try {
            options = CommandLine.parse(args, Map.ofEntries(Map.entry("file", ""), Map.entry("k", "10"),
                    Map.entry("measure", "JACCARD"), Map.entry("neighbours", "20"), Map.entry("min-cooccurrence", "1"),
                    Map.entry("last-purchase-boost", "1.0"), Map.entry("k-min", "2"), Map.entry("k-max", "8"),
                    Map.entry("latency-products", "10000"), Map.entry("latency-queries", "200000")));
            if (options.text("file").isEmpty()) {
                throw new IllegalArgumentException("--file is required (the UCI Online Retail CSV, .csv or .csv.gz)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        int k = options.positive("k");
        RecommenderSettings settings = new RecommenderSettings(SimilarityMeasure.valueOf(options.text("measure")),
                options.positive("neighbours"), options.positive("min-cooccurrence"), Exclusion.NONE,
                Double.parseDouble(options.text("last-purchase-boost")));

        long started = System.nanoTime();
        OnlineRetail data = OnlineRetail.read(Path.of(options.text("file")));
        System.out.printf(Locale.ROOT, "read %d rows (%d skipped: no customer or no quantity, %d unparseable), "
                + "%d customers in %.1f s%n", data.rows, data.skippedRows, data.badRows, data.customers.size(),
                (System.nanoTime() - started) / 1e9);

        evaluate(data, settings, k);
        segment(data, new SegmentationSettings(options.positive("k-min"), options.positive("k-max"), 2000, 42, 3, 100, 10));
        latency(settings.with(Exclusion.LAST_PURCHASE), options.positive("latency-products"),
                options.positive("latency-queries"), k);
        return 0;
    }

    private static void evaluate(OnlineRetail data, RecommenderSettings settings, int k) {
        List<CustomerHistory> trained = new ArrayList<>();
        List<Set<String>> heldOut = new ArrayList<>();
        List<Map<String, Double>> training = new ArrayList<>();
        for (OnlineRetail.Customer customer : data.customers.values()) {
            List<OnlineRetail.Invoice> purchases = customer.purchases();
            if (purchases.isEmpty()) {
                continue;
            }
            boolean evaluated = purchases.size() >= 2;
            List<OnlineRetail.Invoice> kept = evaluated ? purchases.subList(0, purchases.size() - 1) : purchases;
            Map<String, Double> weights = new HashMap<>();
            kept.forEach(invoice -> skus(invoice).forEach(sku -> weights.merge(sku, 1.0, Double::sum)));
            training.add(weights);
            if (evaluated) {
                trained.add(new CustomerHistory(customerId(customer.id()), weights,
                        List.copyOf(skus(kept.get(kept.size() - 1))), kept.get(kept.size() - 1).at()));
                heldOut.add(skus(purchases.get(purchases.size() - 1)));
            }
        }
        long started = System.nanoTime();
        Consumer<Consumer<ItemRow>> rows = Baskets.itemRows(training);
        ItemSimilarity model = ItemSimilarity.build(rows, settings, Instant.now());
        System.out.printf(Locale.ROOT, "trained on %d customers, %d items (%s, %d neighbours, min co-occurrence %d, "
                        + "last-purchase boost %.1f) in %.1f s; %d held-out invoices%n", training.size(), model.items(),
                settings.measure(), settings.neighbours(), settings.minCooccurrence(), settings.lastPurchaseBoost(),
                (System.nanoTime() - started) / 1e9, heldOut.size());
        System.out.printf(Locale.ROOT, "%-18s %-11s %7s %7s %7s %7s %8s%n", "exclusion", "model",
                "HR@" + k, "P@" + k, "R@" + k, "NDCG@" + k, "coverage");
        for (Exclusion exclusion : Exclusion.values()) {
            ItemSimilarity excluding = ItemSimilarity.build(rows, settings.with(exclusion), Instant.now());
            Metrics similar = new Metrics(k);
            Metrics popular = new Metrics(k);
            for (int c = 0; c < trained.size(); c++) {
                CustomerHistory history = trained.get(c);
                similar.add(excluding.recommend(history, k), heldOut.get(c));
                popular.add(excluding.popular(k, excluding.excludedFor(history)), heldOut.get(c));
            }
            similar.print(exclusion, "item-item", model.items());
            popular.print(exclusion, "popularity", model.items());
            System.out.printf(Locale.ROOT, "%-18s HR ratio item-item / popularity: %.2f%n", exclusion,
                    similar.hitRate() / popular.hitRate());
        }
    }

    private static void segment(OnlineRetail data, SegmentationSettings settings) {
        List<CustomerFeatures> customers = new ArrayList<>();
        for (OnlineRetail.Customer customer : data.customers.values()) {
            List<OnlineRetail.Invoice> purchases = customer.purchases();
            if (purchases.isEmpty()) {
                continue;
            }
            long spent = purchases.stream().mapToLong(RecommendEval::value).sum()
                    - customer.cancellations().stream().mapToLong(RecommendEval::value).sum();
            long items = purchases.stream().flatMap(invoice -> invoice.lines().stream())
                    .mapToLong(OnlineRetail.Line::quantity).sum();
            customers.add(new CustomerFeatures(customerId(customer.id()), purchases.get(0).at(),
                    purchases.get(purchases.size() - 1).at(), purchases.size(), spent, "GBP",
                    (double) items / purchases.size(), Map.of(),
                    Math.min(1.0, (double) customer.cancellations().size() / purchases.size())));
        }
        long started = System.nanoTime();
        Segmentation segmentation = Segmentation.build(customers::forEach, settings, Instant.now());
        System.out.printf(Locale.ROOT, "%nsegmentation of %d customers on %s in %.1f s%n", customers.size(),
                segmentation.features(), (System.nanoTime() - started) / 1e9);
        segmentation.silhouetteByK().forEach((kk, score) ->
                System.out.printf(Locale.ROOT, "  k=%d silhouette %.3f%n", kk, score));
        System.out.printf(Locale.ROOT, "chosen k %d, silhouette %.3f%s%n", segmentation.chosenK(), segmentation.silhouette(),
                segmentation.note() == null ? "" : " (" + segmentation.note() + ")");
        for (Segment segment : segmentation.segments()) {
            StringBuilder centre = new StringBuilder();
            segment.centroid().forEach((name, value) -> centre.append(String.format(Locale.ROOT, " %s=%.1f", name, value)));
            System.out.printf(Locale.ROOT, "  %d %-28s %5d customers,%s%n", segment.segmentId(), segment.name(),
                    segment.size(), centre);
        }
    }

    /**
     * Rows generated for a catalogue of {@code products} (popularity skewed, 100 to 400 co-bought
     * items each), and customer histories of 5 to 200 items; the timed call is the engine's scoring
     * of one history, after warm-up.
     */
    private static void latency(RecommenderSettings settings, int products, int queries, int k) {
        Random random = new Random(7);
        Consumer<Consumer<ItemRow>> rows = row -> {
            Random rowRandom = new Random(11);
            for (int item = 0; item < products; item++) {
                Map<String, Long> cooccurrence = new HashMap<>();
                int pairs = 100 + rowRandom.nextInt(300);
                long customers = 10 + products * 2L / (item + 1);
                for (int p = 0; p < pairs; p++) {
                    cooccurrence.put("P" + rowRandom.nextInt(products), 1L + rowRandom.nextInt((int) Math.min(customers, 50)));
                }
                cooccurrence.remove("P" + item);
                row.accept(new ItemRow("P" + item, customers, customers * 1.5, cooccurrence));
            }
        };
        long started = System.nanoTime();
        ItemSimilarity model = ItemSimilarity.build(rows, settings, Instant.now());
        System.out.printf(Locale.ROOT, "%nsynthetic catalogue of %d products built in %.1f s%n", model.items(),
                (System.nanoTime() - started) / 1e9);
        List<CustomerHistory> histories = new ArrayList<>();
        for (int c = 0; c < 2_000; c++) {
            Map<String, Double> weights = new HashMap<>();
            int size = 5 + random.nextInt(196);
            while (weights.size() < size) {
                weights.put("P" + (int) Math.floor(products * Math.pow(random.nextDouble(), 2)), 1.0 + random.nextInt(5));
            }
            List<String> last = weights.keySet().stream().limit(5).toList();
            histories.add(new CustomerHistory(customerId("synthetic-" + c), weights, last, Instant.now()));
        }
        int sink = 0;
        for (int q = 0; q < Math.min(queries, 50_000); q++) {
            sink += model.recommend(histories.get(q % histories.size()), k).size();
        }
        Latency latency = new Latency();
        for (int q = 0; q < queries; q++) {
            long start = System.nanoTime();
            List<RecommendedItem> items = model.recommend(histories.get(q % histories.size()), k);
            latency.record(start, System.nanoTime());
            sink += items.size();
        }
        System.out.printf(Locale.ROOT, "recommendation query (k=%d, histories of 5-200 items, %d queries, one thread): "
                + "%s ms [%d]%n", k, queries, latency.summary(), sink % 10);
    }

    private static long value(OnlineRetail.Invoice invoice) {
        return invoice.lines().stream().mapToLong(line -> line.quantity() * line.unitPriceMinor()).sum();
    }

    private static Set<String> skus(OnlineRetail.Invoice invoice) {
        Set<String> skus = new LinkedHashSet<>();
        invoice.lines().forEach(line -> skus.add(line.sku()));
        return skus;
    }

    private static CustomerId customerId(String id) {
        return new CustomerId(UUID.nameUUIDFromBytes(("online-retail:" + id).getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** Hit rate, precision, recall and NDCG at k, and the share of the catalogue ever recommended. */
    private static final class Metrics {

        private final int k;
        private final Set<String> recommended = new HashSet<>();
        private int customers;
        private int hits;
        private double precision;
        private double recall;
        private double ndcg;

        Metrics(int k) {
            this.k = k;
        }

        void add(List<RecommendedItem> items, Set<String> truth) {
            customers++;
            int found = 0;
            double dcg = 0;
            for (int rank = 0; rank < items.size() && rank < k; rank++) {
                recommended.add(items.get(rank).sku());
                if (truth.contains(items.get(rank).sku())) {
                    found++;
                    dcg += 1 / log2(rank + 2);
                }
            }
            double ideal = 0;
            for (int rank = 0; rank < Math.min(k, truth.size()); rank++) {
                ideal += 1 / log2(rank + 2);
            }
            hits += found > 0 ? 1 : 0;
            precision += (double) found / k;
            recall += (double) found / truth.size();
            ndcg += dcg / ideal;
        }

        double hitRate() {
            return (double) hits / customers;
        }

        void print(Exclusion exclusion, String model, int catalogue) {
            System.out.printf(Locale.ROOT, "%-18s %-11s %7.4f %7.4f %7.4f %7.4f %8.4f%n", exclusion, model, hitRate(),
                    precision / customers, recall / customers, ndcg / customers, (double) recommended.size() / catalogue);
        }

        private static double log2(double x) {
            return Math.log(x) / Math.log(2);
        }
    }
}
