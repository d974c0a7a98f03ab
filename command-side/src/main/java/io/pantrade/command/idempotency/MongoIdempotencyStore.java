package io.pantrade.command.idempotency;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** The production store: one document per key, {@code _id} = the key. */
public class MongoIdempotencyStore implements IdempotencyStore {

    private final MongoCollection<Document> records;

    public MongoIdempotencyStore(MongoDatabase database) {
        this.records = database.getCollection("idempotency_records");
        // the hourly purge deletes by age; without this index it reads every record
        records.createIndex(Indexes.ascending("createdAt"));
    }

    @Override
    public Claim claim(String key, String fingerprint, Instant now, Duration lease) {
        try {
            records.insertOne(new Document("_id", key)
                    .append("fingerprint", fingerprint)
                    .append("createdAt", Date.from(now))
                    .append("claimedAt", Date.from(now)));
            return new Claim.Acquired();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return existingClaim(key, fingerprint, now, lease);
        }
    }

    private Claim existingClaim(String key, String fingerprint, Instant now, Duration lease) {
        Document record = records.find(Filters.eq("_id", key)).first();
        if (record == null) {
            return new Claim.StillRunning();
        }
        Date claimedAt = record.getDate("claimedAt");
        Integer status = record.getInteger("status");
        StoredResponse response = status == null ? null : new StoredResponse(status, record.getString("contentType"),
                record.getString("location"), record.get("body", Binary.class).getData());
        return new ExistingClaim(record.getString("fingerprint"), claimedAt.toInstant(), response)
                .decide(fingerprint, now, lease, () -> records.updateOne(
                        Filters.and(Filters.eq("_id", key), Filters.eq("claimedAt", claimedAt), Filters.eq("status", null)),
                        Updates.set("claimedAt", Date.from(now))).getModifiedCount() == 1);
    }

    @Override
    public void complete(String key, StoredResponse response) {
        records.updateOne(Filters.eq("_id", key), Updates.combine(
                Updates.set("status", response.status()),
                Updates.set("contentType", response.contentType()),
                Updates.set("location", response.location()),
                Updates.set("body", new Binary(response.body()))));
    }

    @Override
    public void release(String key) {
        records.deleteOne(Filters.and(Filters.eq("_id", key), Filters.eq("status", null)));
    }

    @Override
    public long purgeCreatedBefore(Instant cutoff) {
        return records.deleteMany(Filters.lt("createdAt", Date.from(cutoff))).getDeletedCount();
    }
}
