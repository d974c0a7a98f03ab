package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.pantrade.projection.ByIds;
import io.pantrade.projection.Delivery;
import io.pantrade.projection.RecentEvents;
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
 * A row's {@code joins} are the events whose joins it counted and that may still be delivered again
 * (those above the settled position, as a customer's {@link RecentEvents}): a flush that failed
 * after writing the rows, before the customers, is redone by a retry whose customers make the same
 * joins from the same events, and a row skips those it has counted. Per batch, the rows the batch
 * joins are read (their {@code joins} only), then each is written once: inserted if new, else one
 * {@code $inc} of its pairs with its {@code joins}. Reading then writing is safe because the
 * projection runs in one segment: nothing else writes these rows meanwhile.
 */
final class Cooccurrence {

    static final String COOCCURRENCE = "cooccurrence";
    static final String JOINS = "joins";

    private final MongoCollection<Document> items;

    Cooccurrence(MongoCollection<Document> items) {
        this.items = items;
    }

    /** @param settledUpTo the joins at or below it are forgotten: their events are never delivered again */
    void write(Collection<CustomerState> customers, long settledUpTo) {
        Map<String, List<Join>> joinsByRow = new LinkedHashMap<>();
        for (CustomerState customer : customers) {
            List<String> skus = customer.cooccurrenceSkus();
            for (int position = Math.max(1, customer.cooccurrenceSkusAtLoad()); position < skus.size(); position++) {
                joinsByRow.computeIfAbsent(skus.get(position), sku -> new ArrayList<>())
                        .add(new Join(skus.subList(0, position), customer.joinedBy(position)));
            }
        }
        if (joinsByRow.isEmpty()) {
            return;
        }
        Map<String, RecentEvents> counted = new HashMap<>();
        ByIds.forEach(items, joinsByRow.keySet(), new Document(JOINS, 1), row -> counted.put(row.getString("_id"),
                BehaviourDocuments.recentEvents(row, JOINS, settledUpTo)));
        List<WriteModel<Document>> writes = new ArrayList<>();
        joinsByRow.forEach((sku, joins) -> {
            RecentEvents known = counted.getOrDefault(sku, RecentEvents.NONE);
            Map<String, Long> pairs = new LinkedHashMap<>();
            for (Join join : joins) {
                if (!known.includes(join.by())) {
                    join.earlier().forEach(earlier -> pairs.merge(FieldKeys.encode(earlier), 1L, Long::sum));
                    known = known.plus(join.by());
                }
            }
            if (pairs.isEmpty()) {
                return;
            }
            List<Document> joinsField = BehaviourDocuments.deliveries(known);
            if (counted.containsKey(sku)) {
                writes.add(new UpdateOneModel<>(Filters.eq("_id", sku), new Document("$inc", prefixed(pairs))
                        .append("$set", new Document(JOINS, joinsField))));
            } else {
                writes.add(new InsertOneModel<>(new Document("_id", sku)
                        .append(COOCCURRENCE, new Document(new LinkedHashMap<>(pairs)))
                        .append(JOINS, joinsField)));
            }
        });
        if (!writes.isEmpty()) {
            items.bulkWrite(writes, new BulkWriteOptions().ordered(false));
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

    private static Document prefixed(Map<String, Long> pairs) {
        Document increments = new Document();
        pairs.forEach((earlier, count) -> increments.append(COOCCURRENCE + "." + earlier, count));
        return increments;
    }

    /** A SKU joining a customer's co-occurrence SKUs after {@code earlier}, because of event {@code by}. */
    private record Join(List<String> earlier, Delivery by) {
    }
}
