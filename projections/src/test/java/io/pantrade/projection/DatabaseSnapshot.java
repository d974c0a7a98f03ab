package io.pantrade.projection;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every document of a read-model database but the processors' tokens, by collection and
 * {@code _id}; documents compare as maps, whatever the order of their keys, and an empty collection
 * is the same as none.
 */
public record DatabaseSnapshot(Map<String, Map<Object, Document>> collections) {

    public static DatabaseSnapshot of(MongoDatabase database) {
        Map<String, Map<Object, Document>> collections = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            if (name.equals(ProjectionPipeline.TOKENS)) {
                continue;
            }
            Map<Object, Document> documents = new TreeMap<>();
            database.getCollection(name).find().forEach(document -> documents.put(document.get("_id").toString(), document));
            if (!documents.isEmpty()) {
                collections.put(name, documents);
            }
        }
        return new DatabaseSnapshot(collections);
    }

    public Map<Object, Document> of(String collection) {
        return collections.getOrDefault(collection, Map.of());
    }
}
