package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.DatabaseSnapshot;
import org.bson.Document;

import java.util.Map;
import java.util.TreeMap;

/** The behaviour read models' documents; customers and co-occurrence rows compare without the events not yet settled. */
final class BehaviourSnapshot {

    private BehaviourSnapshot() {
    }

    /**
     * Without the bookkeeping of events not yet settled (customers' and co-occurrence rows'), which
     * depends on where batches happened to end: what a rebuild must reproduce is the rest.
     */
    static Map<String, Map<Object, Document>> settled(MongoDatabase database) {
        Map<String, Map<Object, Document>> collections = new TreeMap<>(DatabaseSnapshot.of(database).collections());
        without(collections, BehaviourReadModel.CUSTOMERS, "recentEvents");
        without(collections, BehaviourReadModel.ITEMS, Cooccurrence.JOINS);
        return collections;
    }

    private static void without(Map<String, Map<Object, Document>> collections, String collection, String field) {
        Map<Object, Document> documents = new TreeMap<>();
        collections.getOrDefault(collection, Map.of()).forEach((id, document) -> {
            Document copy = new Document(document);
            copy.remove(field);
            documents.put(id, copy);
        });
        collections.put(collection, documents);
    }
}
