package io.pantrade.query.recommendation;

import io.pantrade.projection.behaviour.CustomerHistory;
import io.pantrade.projection.behaviour.ItemRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An immutable item-item model: for every item, its most similar items (co-occurrence across
 * customers, normalised by the measure chosen), and every item by popularity for customers with no
 * usable history. A customer is scored in memory as their weighted history times the similarities,
 * SAR-style: an item counts as fully similar to itself, so what they keep buying ranks high unless
 * it is excluded. No Spring, no MongoDB: the engine builds it from the read models, the offline
 * evaluation from a CSV.
 */
public final class ItemSimilarity {

    private final RecommenderSettings settings;
    private final Instant builtAt;
    private final String[] skus;
    private final Map<String, Integer> index;
    private final int[][] neighbourIds;
    private final float[][] neighbourScores;
    private final int[] byPopularity;

    private ItemSimilarity(RecommenderSettings settings, Instant builtAt, String[] skus, Map<String, Integer> index,
                           int[][] neighbourIds, float[][] neighbourScores, int[] byPopularity) {
        this.settings = settings;
        this.builtAt = builtAt;
        this.skus = skus;
        this.index = index;
        this.neighbourIds = neighbourIds;
        this.neighbourScores = neighbourScores;
        this.byPopularity = byPopularity;
    }

    /** @param rows every item once, e.g. {@code BehaviourReads::forEachItem} */
    public static ItemSimilarity build(Consumer<Consumer<ItemRow>> rows, RecommenderSettings settings, Instant builtAt) {
        Rows read = new Rows(settings.minCooccurrence());
        rows.accept(read::add);
        return read.toModel(settings, builtAt);
    }

    public Instant builtAt() {
        return builtAt;
    }

    public int items() {
        return skus.length;
    }

    public boolean knows(String sku) {
        return index.containsKey(sku);
    }

    /**
     * Up to {@code k} items for a customer: their history's neighbours, best first, then the most
     * popular items they are not excluded from when their history yields fewer than {@code k}.
     *
     * @param history {@code null} for a customer with no recorded behaviour (all popular items then)
     */
    public List<RecommendedItem> recommend(CustomerHistory history, int k) {
        Set<String> excluded = excludedFor(history);
        List<RecommendedItem> picked = history == null ? new ArrayList<>() : similarTo(history, excluded, k);
        if (picked.size() < k) {
            Set<String> taken = new HashSet<>(excluded);
            picked.forEach(item -> taken.add(item.sku()));
            picked.addAll(popular(k - picked.size(), taken));
        }
        return picked;
    }

    /** "Customers also bought": the item's nearest neighbours; empty when the item is not known. */
    public Optional<List<RecommendedItem>> alsoBought(String sku, int k) {
        Integer item = index.get(sku);
        if (item == null) {
            return Optional.empty();
        }
        int[] ids = neighbourIds[item];
        List<RecommendedItem> similar = new ArrayList<>(Math.min(k, ids.length));
        for (int n = 0; n < ids.length && n < k; n++) {
            similar.add(new RecommendedItem(skus[ids[n]], neighbourScores[item][n], RecommendedItem.Basis.SIMILAR));
        }
        return Optional.of(similar);
    }

    /** The {@code k} most popular items not in {@code excluded}; the score is the rank's reciprocal. */
    public List<RecommendedItem> popular(int k, Set<String> excluded) {
        List<RecommendedItem> popular = new ArrayList<>(k);
        for (int rank = 0; rank < byPopularity.length && popular.size() < k; rank++) {
            String sku = skus[byPopularity[rank]];
            if (!excluded.contains(sku)) {
                popular.add(new RecommendedItem(sku, 1.0 / (rank + 1), RecommendedItem.Basis.POPULAR));
            }
        }
        return popular;
    }

    /** What the settings exclude, and always what the customer's net weight says they dislike. */
    public Set<String> excludedFor(CustomerHistory history) {
        if (history == null) {
            return Set.of();
        }
        Set<String> excluded = new HashSet<>();
        switch (settings.exclusion()) {
            case NONE -> { }
            case LAST_PURCHASE -> excluded.addAll(history.lastPurchase());
            case EVERYTHING_KNOWN -> {
                excluded.addAll(history.weights().keySet());
                excluded.addAll(history.lastPurchase());
            }
        }
        history.weights().forEach((sku, weight) -> {
            if (weight < 0) {
                excluded.add(sku);
            }
        });
        return excluded;
    }

    private List<RecommendedItem> similarTo(CustomerHistory history, Set<String> excluded, int k) {
        Set<String> latest = Set.copyOf(history.lastPurchase());
        float[] scores = new float[skus.length];
        int[] touched = new int[Math.min(skus.length, 16)];
        int touchedCount = 0;
        for (Map.Entry<String, Double> entry : history.weights().entrySet()) {
            Integer item = index.get(entry.getKey());
            if (item == null || entry.getValue() <= 0) {
                continue;
            }
            float weight = (float) (entry.getValue() * (latest.contains(entry.getKey()) ? settings.lastPurchaseBoost() : 1));
            if (touchedCount + neighbourIds[item].length + 1 > touched.length) {
                touched = Arrays.copyOf(touched, Math.max(touched.length * 2, touchedCount + neighbourIds[item].length + 1));
            }
            if (scores[item] == 0) {
                touched[touchedCount++] = item;
            }
            scores[item] += weight;
            int[] ids = neighbourIds[item];
            float[] similarity = neighbourScores[item];
            for (int n = 0; n < ids.length; n++) {
                if (scores[ids[n]] == 0) {
                    touched[touchedCount++] = ids[n];
                }
                scores[ids[n]] += weight * similarity[n];
            }
        }
        return best(scores, touched, touchedCount, excluded, k);
    }

    /** Top k by score, ties by SKU so that the same data always gives the same list; no boxing on this hot path. */
    private List<RecommendedItem> best(float[] scores, int[] candidates, int count, Set<String> excluded, int k) {
        for (String sku : excluded) {
            Integer item = index.get(sku);
            if (item != null) {
                scores[item] = 0;
            }
        }
        int[] top = new int[k];
        int size = 0;
        for (int c = 0; c < count; c++) {
            int item = candidates[c];
            if (scores[item] <= 0 || (size == k && !ranksBefore(item, top[k - 1], scores))) {
                continue;
            }
            int at = size < k ? size++ : k - 1;
            while (at > 0 && ranksBefore(item, top[at - 1], scores)) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = item;
        }
        List<RecommendedItem> best = new ArrayList<>(k);
        for (int n = 0; n < size; n++) {
            best.add(new RecommendedItem(skus[top[n]], scores[top[n]], RecommendedItem.Basis.SIMILAR));
        }
        return best;
    }

    private boolean ranksBefore(int item, int other, float[] scores) {
        return scores[item] > scores[other] || (scores[item] == scores[other] && skus[item].compareTo(skus[other]) < 0);
    }

    /** The rows as read, in compact arrays (a full co-occurrence table is millions of pairs). */
    private static final class Rows {

        private final int minCooccurrence;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> skus = new ArrayList<>();
        private final List<int[]> pairIds = new ArrayList<>();
        private final List<int[]> pairCounts = new ArrayList<>();
        private long[] customers = new long[1024];
        private double[] popularity = new double[1024];
        private boolean[] hasRow = new boolean[1024];

        Rows(int minCooccurrence) {
            this.minCooccurrence = minCooccurrence;
        }

        void add(ItemRow row) {
            int item = idOf(row.sku());
            customers[item] = row.customers();
            popularity[item] = row.popularity();
            hasRow[item] = true;
            int[] ids = new int[row.cooccurrence().size()];
            int[] counts = new int[ids.length];
            int n = 0;
            for (Map.Entry<String, Long> pair : row.cooccurrence().entrySet()) {
                if (pair.getValue() >= minCooccurrence && !pair.getKey().equals(row.sku())) {
                    ids[n] = idOf(pair.getKey());
                    counts[n++] = (int) Math.min(Integer.MAX_VALUE, pair.getValue());
                }
            }
            pairIds.set(item, Arrays.copyOf(ids, n));
            pairCounts.set(item, Arrays.copyOf(counts, n));
        }

        private int idOf(String sku) {
            return index.computeIfAbsent(sku, unseen -> {
                int id = skus.size();
                skus.add(unseen);
                pairIds.add(new int[0]);
                pairCounts.add(new int[0]);
                if (id == customers.length) {
                    customers = Arrays.copyOf(customers, id * 2);
                    popularity = Arrays.copyOf(popularity, id * 2);
                    hasRow = Arrays.copyOf(hasRow, id * 2);
                }
                return id;
            });
        }

        /** Items named only in another item's row, never in a row of their own, are left out. */
        ItemSimilarity toModel(RecommenderSettings settings, Instant builtAt) {
            int[] kept = new int[skus.size()];
            int[] renumbered = new int[skus.size()];
            int count = 0;
            for (int id = 0; id < skus.size(); id++) {
                renumbered[id] = hasRow[id] ? count : -1;
                if (hasRow[id]) {
                    kept[count++] = id;
                }
            }
            String[] names = new String[count];
            Map<String, Integer> modelIndex = new HashMap<>(count * 2);
            int[][] neighbourIds = new int[count][];
            float[][] neighbourScores = new float[count][];
            for (int n = 0; n < count; n++) {
                names[n] = skus.get(kept[n]);
                modelIndex.put(names[n], n);
            }
            for (int n = 0; n < count; n++) {
                neighbours(kept[n], renumbered, names, settings, neighbourIds, neighbourScores, n);
            }
            Integer[] order = new Integer[count];
            for (int n = 0; n < count; n++) {
                order[n] = n;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(n -> -popularity[kept[n]]).thenComparing(n -> names[n]));
            return new ItemSimilarity(settings, builtAt, names, modelIndex, neighbourIds, neighbourScores,
                    Arrays.stream(order).mapToInt(Integer::intValue).toArray());
        }

        private void neighbours(int item, int[] renumbered, String[] names, RecommenderSettings settings,
                                int[][] neighbourIds, float[][] neighbourScores, int slot) {
            int[] ids = pairIds.get(item);
            int[] counts = pairCounts.get(item);
            List<int[]> candidates = new ArrayList<>(ids.length);
            float[] similarity = new float[ids.length];
            for (int p = 0; p < ids.length; p++) {
                if (renumbered[ids[p]] >= 0 && customers[item] > 0 && customers[ids[p]] > 0) {
                    similarity[p] = (float) settings.measure().of(counts[p], customers[item], customers[ids[p]]);
                    candidates.add(new int[] {renumbered[ids[p]], p});
                }
            }
            candidates.sort(Comparator.<int[]>comparingDouble(c -> -similarity[c[1]]).thenComparing(c -> names[c[0]]));
            int keep = Math.min(settings.neighbours(), candidates.size());
            neighbourIds[slot] = new int[keep];
            neighbourScores[slot] = new float[keep];
            for (int n = 0; n < keep; n++) {
                neighbourIds[slot][n] = candidates.get(n)[0];
                neighbourScores[slot][n] = similarity[candidates.get(n)[1]];
            }
        }
    }
}
