package io.pantrade.projection.behaviour;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.pantrade.projection.MongoBatch;
import org.bson.Document;
import org.bson.conversions.Bson;

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
 * cap. All of a batch's changes to one row are one {@code $inc} whose filter requires the
 * {@code counted} values the batch started from, so an update a failed flush already made is not
 * made again. When the server matched fewer rows than it was sent (a retry after a partly written
 * flush), the rows are read and the difference to what they counted is written instead.
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
            int before = customer.cooccurrenceSkusAtLoad();
            for (int position = 0; position < skus.size() && skus.size() > before; position++) {
                Integer expected = position < before ? before : null;
                rows.computeIfAbsent(skus.get(position), Row::new).counts(customer, expected);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        List<Document> newRows = rows.values().stream().filter(Row::mayBeNew)
                .map(row -> new Document("_id", row.sku)).toList();
        if (!newRows.isEmpty()) {
            MongoBatch.insertMissing(items, newRows);
        }
        List<WriteModel<Document>> updates = rows.values().stream().map(Row::expectedUpdate).toList();
        BulkWriteResult result = items.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        if (result.getMatchedCount() < updates.size()) {
            catchUp(rows);
        }
    }

    /** Writes what each row lacks, from what it says it has counted. */
    private void catchUp(Map<String, Row> rows) {
        List<WriteModel<Document>> updates = new ArrayList<>();
        for (Document stored : items.find(Filters.in("_id", rows.keySet()))) {
            Document counted = stored.get(COUNTED, Document.class);
            Row row = rows.get(stored.getString("_id"));
            Map<CustomerState, Integer> actual = new LinkedHashMap<>();
            row.expected.keySet().forEach(customer -> actual.put(customer,
                    counted == null ? null : counted.getInteger(customer.customerId())));
            WriteModel<Document> update = row.update(actual);
            if (update != null) {
                updates.add(update);
            }
        }
        if (!updates.isEmpty() && items.bulkWrite(updates, new BulkWriteOptions().ordered(false)).getMatchedCount()
                < updates.size()) {
            throw new IllegalStateException("co-occurrence rows changed while they were being caught up");
        }
    }

    /** One SKU's row and the customers whose lists grew around it in this batch. */
    private static final class Row {
        private final String sku;
        /** per customer: the {@code counted} value this batch starts from ({@code null}: none yet) */
        private final Map<CustomerState, Integer> expected = new LinkedHashMap<>();

        private Row(String sku) {
            this.sku = sku;
        }

        void counts(CustomerState customer, Integer from) {
            expected.put(customer, from);
        }

        boolean mayBeNew() {
            return expected.containsValue(null);
        }

        WriteModel<Document> expectedUpdate() {
            return update(expected);
        }

        /** @return {@code null} when the row has counted every customer's list already */
        WriteModel<Document> update(Map<CustomerState, Integer> from) {
            List<Bson> filter = new ArrayList<>(List.of(Filters.eq("_id", sku)));
            Map<String, Long> increments = new HashMap<>();
            Document set = new Document();
            from.forEach((customer, counted) -> {
                List<String> skus = customer.cooccurrenceSkus();
                int start = counted == null ? 0 : counted;
                if (start >= skus.size()) {
                    return;
                }
                String field = COUNTED + "." + customer.customerId();
                filter.add(counted == null ? Filters.exists(field, false) : Filters.eq(field, counted));
                for (String other : skus.subList(start, skus.size())) {
                    if (!other.equals(sku)) {
                        increments.merge(COOCCURRENCE + "." + FieldKeys.encode(other), 1L, Long::sum);
                    }
                }
                set.append(field, skus.size());
            });
            if (set.isEmpty()) {
                return null;
            }
            Document update = new Document("$set", set);
            if (!increments.isEmpty()) {
                update.append("$inc", new Document(new LinkedHashMap<>(increments)));
            }
            return new UpdateOneModel<>(Filters.and(filter), update);
        }
    }
}
