package io.pantrade.projection.behaviour;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** Reading the behaviour documents' per-SKU maps and dates. */
final class BehaviourDocuments {

    private BehaviourDocuments() {
    }

    /** The map in {@code field}, its keys decoded back to SKUs; empty when the field is missing. */
    static <V> Map<String, V> skuMap(Document document, String field, Class<V> type) {
        Map<String, V> map = new HashMap<>();
        Document stored = document.get(field, Document.class);
        if (stored != null) {
            stored.forEach((key, value) -> map.put(FieldKeys.decode(key), type.cast(value)));
        }
        return map;
    }

    static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
