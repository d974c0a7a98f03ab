package io.pantrade.projection.behaviour;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.DatabaseSnapshot;
import org.bson.Document;

import java.util.Map;
import java.util.TreeMap;

/** The behaviour read models' documents; customers compare without the events not yet settled. */
final class BehaviourSnapshot {

    private BehaviourSnapshot() {
    }

    /**
     * Without the bookkeeping of events not yet settled, which depends on where batches happened to
     * end: what a rebuild must reproduce is the rest.
     */
    static Map<String, Map<Object, Document>> settled(MongoDatabase database) {
        Map<String, Map<Object, Document>> collections = new TreeMap<>(DatabaseSnapshot.of(database).collections());
        Map<Object, Document> customers = new TreeMap<>();
        collections.getOrDefault(BehaviourReadModel.CUSTOMERS, Map.of()).forEach((id, document) -> {
            Document copy = new Document(document);
            copy.remove("recentEvents");
            customers.put(id, copy);
        });
        collections.put(BehaviourReadModel.CUSTOMERS, customers);
        return collections;
    }
}
