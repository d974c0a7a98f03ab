package io.pantrade.projection.behaviour;

import com.mongodb.client.model.Filters;
import io.pantrade.kernel.customer.CustomerId;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import static io.pantrade.projection.behaviour.CustomerState.BOUGHT;
import static io.pantrade.projection.behaviour.CustomerState.CANCELLED;
import static io.pantrade.projection.behaviour.CustomerState.CURRENCY;
import static io.pantrade.projection.behaviour.CustomerState.FIRST_ORDER_AT;
import static io.pantrade.projection.behaviour.CustomerState.ITEMS;
import static io.pantrade.projection.behaviour.CustomerState.LAST_INTERACTION_AT;
import static io.pantrade.projection.behaviour.CustomerState.LAST_ORDER_AT;
import static io.pantrade.projection.behaviour.CustomerState.LAST_PURCHASE;
import static io.pantrade.projection.behaviour.CustomerState.MONETARY_MINOR;
import static io.pantrade.projection.behaviour.CustomerState.ORDERS;
import static io.pantrade.projection.behaviour.CustomerState.RETURNED;
import static io.pantrade.projection.behaviour.CustomerState.WEIGHTS;

/**
 * {@link BehaviourReads} over the behaviour read models. A customer's history is one {@code _id}
 * lookup; the streams read whole collections, for models rebuilt off the request path: item rows
 * take their popularity and customer count from a pass over the customers (the sums are not
 * stored), customer features their category mix from the catalogue as it is now.
 */
public class MongoBehaviourReads implements BehaviourReads {

    static final String UNCATEGORISED = "uncategorised";

    private final BehaviourReadModel readModel;

    public MongoBehaviourReads(BehaviourReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public CustomerHistory historyOf(CustomerId customerId) {
        Document document = readModel.customers.find(Filters.eq("_id", customerId.value())).first();
        if (document == null) {
            return null;
        }
        return new CustomerHistory(customerId, BehaviourDocuments.skuMap(document, WEIGHTS, Double.class),
                document.getList(LAST_PURCHASE, String.class, List.of()),
                BehaviourDocuments.instant(document, LAST_INTERACTION_AT));
    }

    /** Every SKU any customer interacted with, in SKU order. */
    @Override
    public void forEachItem(Consumer<ItemRow> row) {
        Map<String, Long> customers = new HashMap<>();
        Map<String, Double> popularity = new HashMap<>();
        readModel.customers.find().projection(new Document(WEIGHTS, 1)).forEach(document ->
                BehaviourDocuments.skuMap(document, WEIGHTS, Double.class).forEach((sku, weight) -> {
                    customers.merge(sku, 1L, Long::sum);
                    popularity.merge(sku, weight, Double::sum);
                }));
        Map<String, Map<String, Long>> cooccurrence = new HashMap<>();
        readModel.cooccurrence.symmetric(cooccurrence::put);
        for (String sku : new TreeSet<>(customers.keySet())) {
            row.accept(new ItemRow(sku, customers.get(sku), popularity.get(sku),
                    cooccurrence.getOrDefault(sku, Map.of())));
        }
    }

    /** Every customer who placed at least one order (recency, frequency and basket mean nothing before that). */
    @Override
    public void forEachCustomer(Consumer<CustomerFeatures> features) {
        Map<String, String> categories = new HashMap<>();
        readModel.catalogue.find().forEach(product -> categories.put(product.getString("_id"), product.getString("category")));
        readModel.customers.find(Filters.gt(ORDERS, 0L)).projection(new Document(WEIGHTS, 0)).forEach(document ->
                features.accept(featuresOf(document, categories)));
    }

    private static CustomerFeatures featuresOf(Document document, Map<String, String> categories) {
        long orders = document.getLong(ORDERS);
        double undone = document.getLong(CANCELLED) + document.getLong(RETURNED);
        return new CustomerFeatures(new CustomerId(document.getString("_id")),
                BehaviourDocuments.instant(document, FIRST_ORDER_AT),
                BehaviourDocuments.instant(document, LAST_ORDER_AT),
                orders,
                document.getLong(MONETARY_MINOR),
                document.getString(CURRENCY),
                (double) document.getLong(ITEMS) / orders,
                categoryMix(BehaviourDocuments.skuMap(document, BOUGHT, Long.class), categories),
                Math.min(1.0, undone / orders));
    }

    /** Units still kept (bought less cancelled and returned) per category, as shares; empty when none are kept. */
    private static Map<String, Double> categoryMix(Map<String, Long> bought, Map<String, String> categories) {
        Map<String, Long> units = new HashMap<>();
        bought.forEach((sku, quantity) -> {
            if (quantity > 0) {
                String category = categories.get(sku);
                units.merge(category == null ? UNCATEGORISED : category, quantity, Long::sum);
            }
        });
        double total = units.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> mix = new HashMap<>();
        units.forEach((category, quantity) -> mix.put(category, quantity / total));
        return mix;
    }
}
