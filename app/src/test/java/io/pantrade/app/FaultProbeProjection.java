package io.pantrade.app;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.pantrade.projection.MongoBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Test-only: a projection of {@link FaultProbe}'s events counting, per event, how often it was written. */
@Component
@ProcessingGroup(FaultProbe.PROJECTION)
class FaultProbeProjection {

    private final MongoCollection<Document> writes;

    FaultProbeProjection(MongoDatabase readModels) {
        this.writes = readModels.getCollection("fault_probe");
    }

    @EventHandler
    void on(FaultProbe.Recorded event) {
        FaultProbe.failIfFaulty(FaultProbe.PROJECTION, event);
        MongoBatch.current().add(writes, new UpdateOneModel<>(Filters.eq("_id", id(event.probeId(), event.number())),
                Updates.inc("writes", 1), new UpdateOptions().upsert(true)));
        FaultProbe.handled(FaultProbe.PROJECTION, event);
    }

    /** How often the read model was written for the event; 0 if never. */
    static int writes(Engine engine, String probeId, int number) {
        Document document = engine.bean(MongoDatabase.class).getCollection("fault_probe")
                .find(Filters.eq("_id", id(probeId, number))).first();
        return document == null ? 0 : document.getInteger("writes");
    }

    private static String id(String probeId, int number) {
        return probeId + "/" + number;
    }
}
