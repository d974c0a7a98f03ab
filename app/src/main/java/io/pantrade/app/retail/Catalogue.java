package io.pantrade.app.retail;

import io.pantrade.kernel.behaviour.ProductCatalogued;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The products an import catalogues: each stock code once, under the first description it has in
 * the file, unless the event store's latest entry for it already says exactly that. So importing
 * the same file again publishes nothing.
 */
final class Catalogue {

    private final Map<String, ProductCatalogued> alreadyCatalogued;
    private final Set<String> seen = new HashSet<>();
    private int published;

    Catalogue(Map<String, ProductCatalogued> alreadyCatalogued) {
        this.alreadyCatalogued = Map.copyOf(alreadyCatalogued);
    }

    /** Reads every event up to the store's head once; a full scan, as events cannot be found by type. */
    static Catalogue readFrom(EventStore store) throws InterruptedException {
        Map<String, ProductCatalogued> latest = new HashMap<>();
        TrackingToken head = store.createHeadToken();
        if (head != null) {
            try (BlockingStream<TrackedEventMessage<?>> events = store.openStream(null)) {
                TrackedEventMessage<?> event;
                do {
                    event = events.nextAvailable();
                    if (event.getPayloadType() == ProductCatalogued.class) {
                        ProductCatalogued product = (ProductCatalogued) event.getPayload();
                        latest.put(product.sku(), product);
                    }
                } while (!event.trackingToken().covers(head));
            }
        }
        return new Catalogue(latest);
    }

    /** Called in the file's order, so which description comes first does not depend on timing. */
    List<ProductCatalogued> newIn(Invoice invoice) {
        List<ProductCatalogued> products = new ArrayList<>();
        for (RetailRow row : invoice.rows()) {
            if (seen.add(row.stockCode())) {
                String name = row.description().isEmpty() ? row.stockCode() : row.description();
                ProductCatalogued product = new ProductCatalogued(row.stockCode(), name, Categories.of(name));
                if (!product.equals(alreadyCatalogued.get(product.sku()))) {
                    products.add(product);
                }
            }
        }
        published += products.size();
        return products;
    }

    int products() {
        return seen.size();
    }

    int published() {
        return published;
    }
}
