package io.pantrade.command.signing;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * The production store: one document per used nonce in {@code request_nonces}, {@code _id} =
 * {@code <client>:<nonce>} (neither a client id nor a nonce can contain ':'), so that the unique
 * {@code _id} index makes the first insert win. Writes wait for a journaled majority: a nonce lost
 * in a fail-over could be replayed.
 */
public class MongoNonceStore implements NonceStore {

    private final MongoCollection<Document> nonces;

    public MongoNonceStore(MongoDatabase database) {
        this.nonces = database.getCollection("request_nonces")
                .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
        // the hourly purge deletes by age; without this index it reads every used nonce
        nonces.createIndex(Indexes.ascending("createdAt"));
    }

    @Override
    public boolean useOnce(String client, String nonce, Instant usedAt) {
        try {
            nonces.insertOne(new Document("_id", client + ":" + nonce).append("createdAt", Date.from(usedAt)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    @Override
    public long purgeUsedBefore(Instant cutoff) {
        return nonces.deleteMany(Filters.lt("createdAt", Date.from(cutoff))).getDeletedCount();
    }
}
