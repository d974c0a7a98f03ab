package io.pantrade.projection.delivery;

import io.pantrade.kernel.delivery.GeoPoint;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/** How the delivery read models store positions and optional times. */
final class GeoDocuments {

    private GeoDocuments() {
    }

    static Document point(GeoPoint point) {
        return point == null ? null : new Document("latitude", point.latitude()).append("longitude", point.longitude());
    }

    static GeoPoint pointOf(Document document) {
        return document == null ? null : new GeoPoint(document.getDouble("latitude"), document.getDouble("longitude"));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
