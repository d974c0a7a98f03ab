package io.pantrade.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * Subject keys in collection {@code subject_keys}, one document per subject keyed by {@code _id}.
 * Writes wait for a journaled majority: a key lost in a fail-over would take with it everything
 * sealed under it.
 */
public final class MongoSubjectKeyStore extends RowPerSubjectKeyStore {

    private final MongoCollection<Document> keys;

    public MongoSubjectKeyStore(MongoDatabase database) {
        this.keys = database.getCollection("subject_keys").withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    @Override
    public Optional<SubjectKey> find(String subjectId) {
        return Optional.ofNullable(keys.find(eq("_id", subjectId)).first()).map(MongoSubjectKeyStore::toSubjectKey);
    }

    @Override
    boolean eraseLiveKey(String subjectId, Instant erasedAt) {
        return keys.updateOne(and(eq("_id", subjectId), eq("erasedAt", null)),
                combine(set("wrappedKey", null), set("erasedAt", Date.from(erasedAt)))).getModifiedCount() == 1;
    }

    @Override
    boolean insert(SubjectKey key) {
        Document document = new Document("_id", key.subjectId())
                .append("wrappedKey", key.erased() ? null : new Binary(key.wrappedKey()))
                .append("createdAt", Date.from(key.createdAt()))
                .append("erasedAt", key.erased() ? Date.from(key.erasedAt()) : null);
        try {
            keys.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static SubjectKey toSubjectKey(Document document) {
        String subjectId = document.getString("_id");
        Instant createdAt = document.getDate("createdAt").toInstant();
        Date erasedAt = document.getDate("erasedAt");
        return erasedAt == null
                ? SubjectKey.live(subjectId, document.get("wrappedKey", Binary.class).getData(), createdAt)
                : SubjectKey.tombstone(subjectId, createdAt, erasedAt.toInstant());
    }

}
