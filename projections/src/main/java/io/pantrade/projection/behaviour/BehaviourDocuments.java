package io.pantrade.projection.behaviour;

import io.pantrade.projection.Delivery;
import io.pantrade.projection.RecentEvents;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading the behaviour documents' per-SKU maps and dates; the events they remember, both ways. */
final class BehaviourDocuments {

    private static final String EVENT_ID = "eventId";
    private static final String POSITION = "position";

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

    /** @param settledUpTo the events at or below it are left out: they are never delivered again */
    static RecentEvents recentEvents(Document document, String field, long settledUpTo) {
        return new RecentEvents(document.getList(field, Document.class, List.of()).stream()
                .map(delivery -> new Delivery(delivery.getString(EVENT_ID), delivery.getLong(POSITION)))
                .toList()).settledUpTo(settledUpTo);
    }

    static List<Document> deliveries(RecentEvents recent) {
        return recent.deliveries().stream()
                .map(delivery -> new Document(EVENT_ID, delivery.eventId()).append(POSITION, delivery.position()))
                .toList();
    }

    static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
