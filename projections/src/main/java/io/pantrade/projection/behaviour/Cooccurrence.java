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

/**
 * Item–item co-occurrence counted at the customer level, kept incrementally in
 * {@code behaviour_items}: one document per SKU, {@code cooccurrence.<other SKU>} = how many
 * customers interacted with both, and {@code counted.<customer id>} = how many of that customer's
 * co-occurrence SKUs (their first {@code cap} distinct SKUs, in order) this row has counted.
 * <p>
 * When a customer's list grows from L to L′, every SKU s on it gets +1 for each SKU of positions
 * [counted, L′) other than itself, and {@code counted} becomes L′; work per new SKU is bounded by the
 * cap. Per batch, the rows' {@code counted} entries of the customers concerned are read with one
 * {@code $in}, and all of a batch's changes to a row are one update ({@code $inc} of the pairs,
 * {@code $set} of {@code counted}): an update a failed flush already made shows in {@code counted}
 * and is not made again. Reading then writing is safe because the projection runs in one segment:
 * nothing else writes these rows meanwhile.
 */
final class Cooccurrence {

    static final String COOCCURRENCE = "cooccurrence";
    static final String COUNTED = "counted";

    private final MongoCollection<Document> items;

    Cooccurrence(MongoCollection<Document> items) {
        this.items = items;
    }

    void write(Collection<CustomerState> customers) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (CustomerState customer : customers) {
            List<String> skus = customer.cooccurrenceSkus();
            if (skus.size() > customer.cooccurrenceSkusAtLoad()) {
                skus.forEach(sku -> rows.computeIfAbsent(sku, Row::new).customers.add(customer));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Document> counted = new HashMap<>();
        items.find(Filters.in("_id", rows.keySet())).projection(new Document(COUNTED, 1)).forEach(stored ->
                counted.put(stored.getString("_id"), stored.get(COUNTED, Document.class)));
        List<Document> newRows = rows.keySet().stream().filter(sku -> !counted.containsKey(sku))
                .map(sku -> new Document("_id", sku)).toList();
        if (!newRows.isEmpty()) {
            MongoBatch.insertMissing(items, newRows);
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        rows.values().forEach(row -> {
            WriteModel<Document> update = row.update(counted.get(row.sku));
            if (update != null) {
                updates.add(update);
            }
        });
        if (!updates.isEmpty()) {
            items.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
    }

    /** One SKU's row and the customers whose lists grew around it in this batch. */
    private static final class Row {
        private final String sku;
        private final List<CustomerState> customers = new ArrayList<>();

        private Row(String sku) {
            this.sku = sku;
        }

        /**
         * @param counted the row's {@code counted} entries of these customers as stored ({@code null}: none)
         * @return {@code null} when the row has counted every customer's list already
         */
        WriteModel<Document> update(Document counted) {
            Map<String, Long> increments = new HashMap<>();
            Document set = new Document();
            for (CustomerState customer : customers) {
                List<String> skus = customer.cooccurrenceSkus();
                Integer stored = counted == null ? null : counted.getInteger(customer.customerId());
                int start = stored == null ? 0 : stored;
                if (start >= skus.size()) {
                    continue;
                }
                for (String other : skus.subList(start, skus.size())) {
                    if (!other.equals(sku)) {
                        increments.merge(COOCCURRENCE + "." + FieldKeys.encode(other), 1L, Long::sum);
                    }
                }
                set.append(COUNTED + "." + customer.customerId(), skus.size());
            }
            if (set.isEmpty()) {
                return null;
            }
            Document update = new Document("$set", set);
            if (!increments.isEmpty()) {
                update.append("$inc", new Document(new LinkedHashMap<>(increments)));
            }
            return new UpdateOneModel<>(Filters.eq("_id", sku), update);
        }
    }
}
