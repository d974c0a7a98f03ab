package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.pantrade.projection.MongoBatch;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Item–item co-occurrence counted at the customer level, kept incrementally in
 * {@code behaviour_items}, one row per SKU. A customer's co-occurrence SKUs are their first
 * {@code cap} distinct SKUs, in order; each pair of them is counted once, in the row of the SKU
 * that came later: {@code cooccurrence.<earlier SKU>} += 1. So a SKU joining a customer's list
 * changes one row, whatever the length of the list (bounded by the cap), and a reader adds the two
 * halves up (see {@link #symmetric}).
 * <p>
 * {@code counted.<customer id>} in a row says that row has counted that customer's pairs. Per
 * batch, the rows the batch changes are read with one {@code $in} (their {@code counted}), and a
 * row is updated by {@code _id} only for the customers it has not counted: an update a failed flush
 * already made is not made again. Reading then writing is safe because the projection runs in one
 * segment: nothing else writes these rows meanwhile.
 */
final class Cooccurrence {

    static final String COOCCURRENCE = "cooccurrence";
    static final String COUNTED = "counted";

    private final MongoCollection<Document> items;

    Cooccurrence(MongoCollection<Document> items) {
        this.items = items;
    }

    void write(Collection<CustomerState> customers) {
        Map<String, Map<CustomerState, Integer>> joined = new LinkedHashMap<>();
        for (CustomerState customer : customers) {
            List<String> skus = customer.cooccurrenceSkus();
            for (int position = customer.cooccurrenceSkusAtLoad(); position < skus.size(); position++) {
                joined.computeIfAbsent(skus.get(position), sku -> new LinkedHashMap<>()).put(customer, position);
            }
        }
        if (joined.isEmpty()) {
            return;
        }
        Map<String, Document> counted = new HashMap<>();
        items.find(Filters.in("_id", joined.keySet())).projection(new Document(COUNTED, 1)).forEach(row ->
                counted.put(row.getString("_id"), row.get(COUNTED, new Document())));
        List<Document> newRows = joined.keySet().stream().filter(sku -> !counted.containsKey(sku))
                .map(sku -> new Document("_id", sku)).toList();
        if (!newRows.isEmpty()) {
            MongoBatch.insertMissing(items, newRows);
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        joined.forEach((sku, joiners) -> {
            Document already = counted.getOrDefault(sku, new Document());
            Map<String, Long> increments = new LinkedHashMap<>();
            Document set = new Document();
            joiners.forEach((customer, position) -> {
                if (!already.containsKey(customer.customerId())) {
                    customer.cooccurrenceSkus().subList(0, position).forEach(earlier ->
                            increments.merge(COOCCURRENCE + "." + FieldKeys.encode(earlier), 1L, Long::sum));
                    set.append(COUNTED + "." + customer.customerId(), position);
                }
            });
            if (!set.isEmpty()) {
                Document update = new Document("$set", set);
                if (!increments.isEmpty()) {
                    update.append("$inc", new Document(new LinkedHashMap<>(increments)));
                }
                updates.add(new UpdateOneModel<>(Filters.eq("_id", sku), update));
            }
        });
        if (!updates.isEmpty()) {
            items.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
    }

    /** Every row's half-counts added up with the other half, one SKU's full row at a time. */
    void symmetric(BiConsumer<String, Map<String, Long>> row) {
        Map<String, Map<String, Long>> rows = new HashMap<>();
        items.find().projection(new Document(COOCCURRENCE, 1)).forEach(stored -> {
            String sku = stored.getString("_id");
            BehaviourDocuments.skuMap(stored, COOCCURRENCE, Long.class).forEach((earlier, count) -> {
                rows.computeIfAbsent(sku, key -> new HashMap<>()).merge(earlier, count, Long::sum);
                rows.computeIfAbsent(earlier, key -> new HashMap<>()).merge(sku, count, Long::sum);
            });
        });
        rows.forEach(row);
    }
}
