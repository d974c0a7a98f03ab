package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.OrderPlaced;
import io.pantrade.projection.MongoBatch;
import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The behaviour read models in MongoDB, read only by {@code _id} (the embedded server has no
 * secondary indexes):
 * <ul>
 *   <li>{@code behaviour_customers}: one document per customer: interaction weight per SKU,
 *       their co-occurrence SKUs, latest order's SKUs, RFM counters, units bought per SKU, and the
 *       events taken in but not yet settled (see {@link CustomerState});
 *   <li>{@code behaviour_items}: one co-occurrence row per SKU (see {@link Cooccurrence});
 *   <li>{@code behaviour_orders}: what a cancellation must take back: each order's customer, lines
 *       and total, written once when it is placed;
 *   <li>{@code behaviour_catalogue}: each SKU's name and category, the latest catalogued.
 * </ul>
 * Item popularity and customer counts are not stored: they are sums over the customers' weights,
 * made when the rows are streamed (see {@link MongoBehaviourReads}).
 */
public class BehaviourReadModel {

    static final String CUSTOMERS = "behaviour_customers";
    static final String ITEMS = "behaviour_items";
    static final String ORDERS = "behaviour_orders";
    static final String CATALOGUE = "behaviour_catalogue";

    final MongoCollection<Document> customers;
    final MongoCollection<Document> items;
    final MongoCollection<Document> orders;
    final MongoCollection<Document> catalogue;
    final Cooccurrence cooccurrence;

    public BehaviourReadModel(MongoDatabase database) {
        this.customers = database.getCollection(CUSTOMERS);
        this.items = database.getCollection(ITEMS);
        this.orders = database.getCollection(ORDERS);
        this.catalogue = database.getCollection(CATALOGUE);
        this.cooccurrence = new Cooccurrence(items);
    }

    Map<String, CustomerState> customers(Collection<String> ids, long settledUpTo) {
        Map<String, CustomerState> found = new HashMap<>();
        if (!ids.isEmpty()) {
            customers.find(Filters.in("_id", ids)).forEach(document ->
                    found.put(document.getString("_id"), CustomerState.of(document, settledUpTo)));
        }
        return found;
    }

    Map<String, PlacedOrder> orders(Collection<String> ids) {
        Map<String, PlacedOrder> found = new HashMap<>();
        if (!ids.isEmpty()) {
            orders.find(Filters.in("_id", ids)).forEach(document ->
                    found.put(document.getString("_id"), orderOf(document)));
        }
        return found;
    }

    void placed(OrderPlaced event, MongoBatch batch) {
        batch.createIfAbsent(orders, new Document("_id", event.orderId().value())
                .append("customerId", event.customerId().value())
                .append("currency", event.total().currency())
                .append("totalMinor", event.total().amountMinor())
                .append("lines", event.lines().stream().map(line -> new Document("sku", line.sku())
                        .append("quantity", line.quantity())
                        .append("unitPriceMinor", line.unitPrice().amountMinor())).toList()));
    }

    void catalogued(ProductCatalogued event, MongoBatch batch) {
        batch.setFields(catalogue, event.sku(), new Document("name", event.name()).append("category", event.category()));
    }

    /** Co-occurrence rows first, customers last: a customer document written means its rows are too. */
    void write(Collection<CustomerState> changed, MongoBatch batch) {
        cooccurrence.write(changed);
        changed.forEach(customer -> batch.setFields(customers, customer.customerId(), customer.changes()));
    }

    void dropAll() {
        customers.drop();
        items.drop();
        orders.drop();
        catalogue.drop();
    }

    /** An order as a cancellation needs it. */
    record PlacedOrder(CustomerId customerId, List<OrderLine> lines, Money total) {
    }

    private static PlacedOrder orderOf(Document document) {
        String currency = document.getString("currency");
        return new PlacedOrder(new CustomerId(document.getString("customerId")),
                document.getList("lines", Document.class).stream()
                        .map(line -> new OrderLine(line.getString("sku"), line.getInteger("quantity"),
                                new Money(line.getLong("unitPriceMinor"), currency)))
                        .toList(),
                new Money(document.getLong("totalMinor"), currency));
    }
}
