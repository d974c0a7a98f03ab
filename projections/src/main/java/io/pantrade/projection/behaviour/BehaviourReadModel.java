package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.projection.ByIds;
import io.pantrade.projection.MongoBatch;
import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The behaviour read models in MongoDB, read only by {@code _id} (the embedded server has no
 * secondary indexes):
 * <ul>
 *   <li>{@code behaviour_customers}: one document per customer: interaction weight per SKU,
 *       their co-occurrence SKUs, latest order's SKUs, RFM counters, units bought per SKU, and the
 *       events taken in but not yet settled (see {@link CustomerState});
 *   <li>{@code behaviour_items}: one co-occurrence row per SKU (see {@link Cooccurrence});
 *   <li>{@code behaviour_catalogue}: each SKU's name and category, the latest catalogued.
 * </ul>
 * Item popularity and customer counts are not stored: they are sums over the customers' weights,
 * made when the rows are streamed (see {@link MongoBehaviourReads}).
 */
public class BehaviourReadModel {

    static final String CUSTOMERS = "behaviour_customers";
    static final String ITEMS = "behaviour_items";
    static final String CATALOGUE = "behaviour_catalogue";

    final MongoCollection<Document> customers;
    final MongoCollection<Document> items;
    final MongoCollection<Document> catalogue;
    final Cooccurrence cooccurrence;

    public BehaviourReadModel(MongoDatabase database) {
        this.customers = database.getCollection(CUSTOMERS);
        this.items = database.getCollection(ITEMS);
        this.catalogue = database.getCollection(CATALOGUE);
        this.cooccurrence = new Cooccurrence(items);
    }

    Map<String, CustomerState> customers(Collection<String> ids, long settledUpTo) {
        Map<String, CustomerState> found = new HashMap<>();
        ByIds.forEach(customers, ids, null, document ->
                found.put(document.getString("_id"), CustomerState.of(document, settledUpTo)));
        return found;
    }

    void catalogued(ProductCatalogued event, MongoBatch batch) {
        batch.setFields(catalogue, event.sku(), new Document("name", event.name()).append("category", event.category()));
    }

    /** Co-occurrence rows first, customers last: a customer document written means its rows are too. */
    void write(Collection<CustomerState> changed, long settledUpTo, MongoBatch batch) {
        cooccurrence.write(changed, settledUpTo);
        for (CustomerState customer : changed) {
            if (customer.stored()) {
                batch.add(customers, new ReplaceOneModel<>(Filters.eq("_id", customer.customerId()), customer.document()));
            } else {
                batch.createIfAbsent(customers, customer.document());
            }
        }
    }

    void dropAll() {
        customers.drop();
        items.drop();
        catalogue.drop();
    }
}
