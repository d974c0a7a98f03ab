package io.pantrade.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one batch of events, gathered so that each collection gets a few bulk writes per
 * batch instead of one round trip per event. Lives as a resource of the batch's unit of work and
 * is flushed by {@link FlushMongoBatch} before the processor stores its token.
 * <p>
 * Collections are written one after the other, in the order the batch first wrote to them.
 * Per collection, a flush writes first the documents to create (plain inserts; one that exists
 * already was created by an earlier run of the same event, so it is left as it is), then the
 * merged field sets, then the other writes in the order they were added. Inserts are what make a
 * rebuild fast: an upsert costs the embedded server a lookup and a deep copy per document.
 */
public final class MongoBatch {

    private static final String RESOURCE = MongoBatch.class.getName();
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final List<Runnable> firstSteps = new ArrayList<>();
    private final Map<MongoCollection<Document>, Writes> writes = new LinkedHashMap<>();

    /** The batch of the unit of work handling the current event. */
    public static MongoBatch current() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new MongoBatch());
    }

    static MongoBatch of(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getResource(RESOURCE);
    }

    /** Creates the document unless one with its {@code _id} exists: for events that create a document. */
    public void createIfAbsent(MongoCollection<Document> collection, Document document) {
        writesTo(collection).creations.add(document);
    }

    /**
     * Sets a field of the document with this id, creating the document if needed. All sets of one
     * batch on one document become a single update, so a document must not also get other writes
     * in the same batch.
     */
    public void setField(MongoCollection<Document> collection, Object id, String field, Object value) {
        setFields(collection, id, new Document(field, value));
    }

    /** {@link #setField} for several fields at once; a later value of a field replaces an earlier one. */
    public void setFields(MongoCollection<Document> collection, Object id, Document fields) {
        writesTo(collection).fieldSets.computeIfAbsent(id, key -> new Document()).putAll(fields);
    }

    /** Any other write, applied after this batch's creations and in the order added. */
    public void add(MongoCollection<Document> collection, WriteModel<Document> write) {
        writesTo(collection).others.add(write);
    }

    /**
     * Work for when the batch's last event was handled, run at the start of the flush, in the order
     * added: for a read model that sums a whole batch up before writing, or whose writes must see
     * what the server answers. A step may add writes to this batch; they follow it.
     */
    public void beforeWrites(Runnable step) {
        firstSteps.add(step);
    }

    void flush() {
        firstSteps.forEach(Runnable::run);
        firstSteps.clear();
        writes.forEach(MongoBatch::flush);
        writes.clear();
    }

    private Writes writesTo(MongoCollection<Document> collection) {
        return writes.computeIfAbsent(collection, c -> new Writes());
    }

    private static void flush(MongoCollection<Document> collection, Writes pending) {
        if (!pending.creations.isEmpty()) {
            insertMissing(collection, pending.creations);
        }
        List<WriteModel<Document>> updates = new ArrayList<>();
        pending.fieldSets.forEach((id, fields) ->
                updates.add(new UpdateOneModel<>(Filters.eq("_id", id), new Document("$set", fields), UPSERT)));
        updates.addAll(pending.others);
        if (!updates.isEmpty()) {
            collection.bulkWrite(updates, new BulkWriteOptions().ordered(true));
        }
    }

    /** Inserts the documents whose {@code _id} is not taken yet and leaves the others as they are. */
    public static void insertMissing(MongoCollection<Document> collection, List<Document> documents) {
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException partly) {
            boolean onlyExisting = partly.getWriteErrors().stream()
                    .map(BulkWriteError::getCode)
                    .allMatch(code -> ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyExisting || partly.getWriteConcernError() != null) {
                throw partly;
            }
        }
    }

    private static final class Writes {
        private final List<Document> creations = new ArrayList<>();
        private final Map<Object, Document> fieldSets = new LinkedHashMap<>();
        private final List<WriteModel<Document>> others = new ArrayList<>();
    }
}
