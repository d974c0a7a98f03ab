package io.pantrade.query.segmentation;

import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.projection.behaviour.CustomerFeatures;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.kmeans.KMeansModel;
import org.tribuo.clustering.kmeans.KMeansTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Customers clustered by k-means++ (Tribuo) on their standardised features, for each k from k-min to
 * k-max, keeping the k with the best silhouette; segments are numbered largest first and named from
 * their centroids. Customers who never ordered are not segmented. Input that cannot be clustered
 * (no customer, or no two that differ) gives one segment or none, and a {@code note} saying why.
 * Immutable; no Spring, no MongoDB.
 */
public final class Segmentation {

    /** Tribuo logs every k-means iteration at INFO; held here so the level set stays (JUL keeps loggers weakly). */
    private static final Logger TRIBUO_KMEANS = quietKMeans();

    private final Instant builtAt;
    private final List<String> features;
    private final List<Segment> segments;
    private final Integer chosenK;
    private final Double silhouette;
    private final Map<Integer, Double> silhouetteByK;
    private final String note;
    private final Map<CustomerId, Integer> segmentOf;
    private final List<List<CustomerId>> members;

    private Segmentation(Instant builtAt, List<String> features, List<Segment> segments, Integer chosenK,
                         Double silhouette, Map<Integer, Double> silhouetteByK, String note,
                         Map<CustomerId, Integer> segmentOf, List<List<CustomerId>> members) {
        this.builtAt = builtAt;
        this.features = features;
        this.segments = segments;
        this.chosenK = chosenK;
        this.silhouette = silhouette;
        this.silhouetteByK = silhouetteByK;
        this.note = note;
        this.segmentOf = segmentOf;
        this.members = members;
    }

    /** @param customers every customer once, e.g. {@code BehaviourReads::forEachCustomer} */
    public static Segmentation build(Consumer<Consumer<CustomerFeatures>> customers, SegmentationSettings settings,
                                     Instant builtAt) {
        List<CustomerFeatures> buyers = new ArrayList<>();
        customers.accept(customer -> {
            if (customer.orders() > 0 && customer.lastOrderAt() != null) {
                buyers.add(customer);
            }
        });
        buyers.sort(Comparator.comparing(customer -> customer.customerId().value()));
        if (buyers.isEmpty()) {
            return new Segmentation(builtAt, List.of(), List.of(), null, null, Map.of(),
                    "no customer has ordered yet: nothing to segment", Map.of(), List.of());
        }
        FeatureSpace space = FeatureSpace.fit(buyers, settings.categories());
        double[][] points = buyers.stream().map(space::standardised).toArray(double[][]::new);
        int distinct = distinctPoints(points);
        if (distinct < 2) {
            String why = buyers.size() == 1 ? "only one customer has ordered" : "all " + buyers.size()
                    + " customers who ordered look alike";
            return describe(builtAt, buyers, space, points, new int[points.length], 1, null, Map.of(),
                    why + ": one segment, nothing to separate");
        }
        int kMax = Math.min(settings.kMax(), distinct);
        int kMin = Math.min(settings.kMin(), kMax);
        String note = kMax < settings.kMax()
                ? "k-max lowered from " + settings.kMax() + " to " + kMax + ": only " + distinct + " customers differ"
                : null;
        int[] sample = sample(points.length, settings.silhouetteSample(), settings.seed());
        Map<Integer, Double> byK = new LinkedHashMap<>();
        int[] best = null;
        int bestK = 0;
        for (int k = kMin; k <= kMax; k++) {
            int[] clusters = kMeans(points, space.names(), k, settings);
            double score = Silhouette.of(points, clusters, k, sample);
            byK.put(k, score);
            if (best == null || score > byK.get(bestK)) {
                best = clusters;
                bestK = k;
            }
        }
        return describe(builtAt, buyers, space, points, best, bestK, byK.get(bestK), byK, note);
    }

    public Instant builtAt() {
        return builtAt;
    }

    /** Names of the centroid dimensions, in order. */
    public List<String> features() {
        return features;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** 1 when the customers could not be told apart; {@code null} when there is none */
    public Integer chosenK() {
        return chosenK;
    }

    /** {@code null} when nothing was clustered */
    public Double silhouette() {
        return silhouette;
    }

    public Map<Integer, Double> silhouetteByK() {
        return silhouetteByK;
    }

    /** Why the answer is not an ordinary clustering, or {@code null}. */
    public String note() {
        return note;
    }

    public Optional<Segment> segmentOf(CustomerId customerId) {
        return Optional.ofNullable(segmentOf.get(customerId)).map(segments::get);
    }

    /** A segment's customers ordered by id; empty when there is no such segment. */
    public Optional<List<CustomerId>> customersOf(int segmentId) {
        return segmentId >= 0 && segmentId < members.size() ? Optional.of(members.get(segmentId)) : Optional.empty();
    }

    private static Logger quietKMeans() {
        Logger logger = Logger.getLogger(KMeansTrainer.class.getName());
        logger.setLevel(Level.WARNING);
        return logger;
    }

    /**
     * The best of {@code restarts} k-means++ runs (seeds seed, seed+1, ...) by within-cluster sum of squares:
     * one run can settle with two centroids in one group and none in another, and the silhouette then
     * prefers a wrong k.
     */
    private static int[] kMeans(double[][] points, List<String> names, int k, SegmentationSettings settings) {
        int[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart < settings.restarts(); restart++) {
            int[] clusters = kMeansOnce(points, names, k, settings.iterations(), settings.seed() + restart);
            double inertia = inertia(points, clusters, k);
            if (inertia < bestInertia) {
                best = clusters;
                bestInertia = inertia;
            }
        }
        return best;
    }

    private static double inertia(double[][] points, int[] clusters, int k) {
        int dimensions = points[0].length;
        double[][] sums = new double[k][dimensions];
        int[] sizes = new int[k];
        for (int i = 0; i < points.length; i++) {
            sizes[clusters[i]]++;
            for (int d = 0; d < dimensions; d++) {
                sums[clusters[i]][d] += points[i][d];
            }
        }
        double inertia = 0;
        for (int i = 0; i < points.length; i++) {
            int cluster = clusters[i];
            for (int d = 0; d < dimensions; d++) {
                double away = points[i][d] - sums[cluster][d] / sizes[cluster];
                inertia += away * away;
            }
        }
        return inertia;
    }

    private static int[] kMeansOnce(double[][] points, List<String> names, int k, int iterations, long seed) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> data = new MutableDataset<>(new SimpleDataSourceProvenance("customers", factory), factory);
        String[] featureNames = names.toArray(String[]::new);
        List<ArrayExample<ClusterID>> examples = new ArrayList<>(points.length);
        for (double[] point : points) {
            ArrayExample<ClusterID> example = new ArrayExample<>(ClusteringFactory.UNASSIGNED_CLUSTER_ID, featureNames, point);
            examples.add(example);
            data.add(example);
        }
        KMeansTrainer trainer = new KMeansTrainer(k, iterations, new L2Distance(),
                KMeansTrainer.Initialisation.PLUSPLUS, 1, seed);
        KMeansModel model = trainer.train(data);
        return examples.stream().mapToInt(example -> model.predict(example).getOutput().getID()).toArray();
    }

    /** Numbers the clusters largest first, drops empty ones and works out their centroids and names. */
    private static Segmentation describe(Instant builtAt, List<CustomerFeatures> buyers, FeatureSpace space,
                                         double[][] points, int[] clusters, int k, Double silhouette,
                                         Map<Integer, Double> byK, String note) {
        int[] sizes = new int[k];
        for (int cluster : clusters) {
            sizes[cluster]++;
        }
        int[] bySize = IntStream.range(0, k).filter(cluster -> sizes[cluster] > 0).boxed()
                .sorted(Comparator.<Integer>comparingInt(cluster -> -sizes[cluster]).thenComparingInt(cluster -> cluster))
                .mapToInt(Integer::intValue).toArray();
        int[] segmentOfCluster = new int[k];
        for (int s = 0; s < bySize.length; s++) {
            segmentOfCluster[bySize[s]] = s;
        }
        int dimensions = space.names().size();
        double[][] standardisedSum = new double[bySize.length][dimensions];
        double[][] transformedSum = new double[bySize.length][dimensions];
        List<List<CustomerId>> members = new ArrayList<>();
        for (int s = 0; s < bySize.length; s++) {
            members.add(new ArrayList<>());
        }
        Map<CustomerId, Integer> segmentOf = new HashMap<>(buyers.size() * 2);
        for (int i = 0; i < points.length; i++) {
            int segment = segmentOfCluster[clusters[i]];
            double[] transformed = space.transformed(buyers.get(i));
            for (int d = 0; d < dimensions; d++) {
                standardisedSum[segment][d] += points[i][d];
                transformedSum[segment][d] += transformed[d];
            }
            members.get(segment).add(buyers.get(i).customerId());
            segmentOf.put(buyers.get(i).customerId(), segment);
        }
        List<double[]> standardised = new ArrayList<>();
        List<double[]> business = new ArrayList<>();
        for (int s = 0; s < bySize.length; s++) {
            int size = sizes[bySize[s]];
            standardised.add(Arrays.stream(standardisedSum[s]).map(sum -> sum / size).toArray());
            business.add(space.inBusinessUnits(Arrays.stream(transformedSum[s]).map(sum -> sum / size).toArray()));
        }
        List<String> names = bySize.length == 1 ? List.of("everyone") : SegmentNames.of(standardised, space);
        List<Segment> segments = new ArrayList<>();
        for (int s = 0; s < bySize.length; s++) {
            segments.add(new Segment(s, names.get(s), sizes[bySize[s]], named(space.names(), business.get(s)),
                    named(space.names(), standardised.get(s))));
        }
        return new Segmentation(builtAt, space.names(), List.copyOf(segments), k, silhouette,
                Collections.unmodifiableMap(new TreeMap<>(byK)), note, segmentOf, members.stream().map(List::copyOf).toList());
    }

    private static Map<String, Double> named(List<String> names, double[] values) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int d = 0; d < names.size(); d++) {
            named.put(names.get(d), values[d]);
        }
        return named;
    }

    private static int distinctPoints(double[][] points) {
        Set<List<Double>> distinct = new HashSet<>();
        for (double[] point : points) {
            distinct.add(Arrays.stream(point).boxed().toList());
            if (distinct.size() > 1_000) {
                break;
            }
        }
        return distinct.size();
    }

    private static int[] sample(int points, int size, long seed) {
        List<Integer> all = new ArrayList<>(IntStream.range(0, points).boxed().toList());
        if (points > size) {
            Collections.shuffle(all, new Random(seed));
        }
        return all.stream().limit(size).mapToInt(Integer::intValue).sorted().toArray();
    }
}
