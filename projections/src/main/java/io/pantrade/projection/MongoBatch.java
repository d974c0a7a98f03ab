package io.pantrade.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one batch of events, gathered so that each collection gets one ordered bulk write
 * per batch instead of one round trip per event. Lives as a resource of the batch's unit of work
 * and is flushed by {@link FlushMongoBatch} before the processor stores its token.
 */
public final class MongoBatch {

    private static final String RESOURCE = MongoBatch.class.getName();

    private final Map<MongoCollection<Document>, List<WriteModel<Document>>> writes = new LinkedHashMap<>();

    /** The batch of the unit of work handling the current event. */
    public static MongoBatch current() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new MongoBatch());
    }

    static MongoBatch of(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getResource(RESOURCE);
    }

    public void add(MongoCollection<Document> collection, WriteModel<Document> write) {
        writes.computeIfAbsent(collection, c -> new ArrayList<>()).add(write);
    }

    void flush() {
        BulkWriteOptions inOrder = new BulkWriteOptions().ordered(true);
        writes.forEach((collection, models) -> collection.bulkWrite(models, inOrder));
        writes.clear();
    }
}
