package io.pantrade.projection.ledger;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.Map;
import java.util.TreeMap;

/** Every document of the ledger read model, by collection and {@code _id}; documents compare as maps. */
record LedgerSnapshot(Map<String, Document> accounts, Map<String, Document> accountPostings,
                      Map<String, Document> payments) {

    static LedgerSnapshot of(MongoDatabase database) {
        return new LedgerSnapshot(all(database, LedgerReadModel.ACCOUNTS), all(database, LedgerReadModel.ACCOUNT_POSTINGS),
                all(database, LedgerReadModel.PAYMENTS));
    }

    /**
     * Without the bookkeeping of events not yet settled, which depends on where batches happened
     * to end: what a rebuild must reproduce is the rest.
     */
    LedgerSnapshot withoutRecentEvents() {
        return new LedgerSnapshot(without(accounts), accountPostings, without(payments));
    }

    private static Map<String, Document> all(MongoDatabase database, String collection) {
        Map<String, Document> documents = new TreeMap<>();
        database.getCollection(collection).find().forEach(document -> documents.put(document.getString("_id"), document));
        return documents;
    }

    private static Map<String, Document> without(Map<String, Document> documents) {
        Map<String, Document> stripped = new TreeMap<>();
        documents.forEach((id, document) -> {
            Document copy = new Document(document);
            copy.remove("recentEvents");
            stripped.put(id, copy);
        });
        return stripped;
    }
}
