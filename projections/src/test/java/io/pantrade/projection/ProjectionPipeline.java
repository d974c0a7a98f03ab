package io.pantrade.projection;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A real Axon configuration around one projection: an embedded event store on the given storage
 * engine, the projection registered through {@link ProjectionProcessing} exactly as the
 * application does it.
 */
public final class ProjectionPipeline implements AutoCloseable {

    public static final String TOKENS = ProjectionProcessing.TOKEN_COLLECTION;

    static {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    private final Configuration configuration;
    private final MongoDatabase readModels;
    private final String processorName;

    private ProjectionPipeline(Configuration configuration, MongoDatabase readModels, String processorName) {
        this.configuration = configuration;
        this.readModels = readModels;
        this.processorName = processorName;
    }

    public static ProjectionPipeline start(EventStorageEngine events, MongoDatabase readModels, String processorName,
                                           Object projection, ProjectionTuning tuning) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> events)
                .configureSerializer(c -> JacksonSerializer.defaultSerializer());
        configurer.eventProcessing(processing -> {
            processing.registerEventHandler(c -> projection);
            ProjectionProcessing.register(processing, processorName, readModels, tuning);
        });
        return new ProjectionPipeline(configurer.start(), readModels, processorName);
    }

    public void publish(EventMessage<?>... events) {
        publish(List.of(events));
    }

    public void publish(List<? extends EventMessage<?>> events) {
        configuration.eventStore().publish(events);
    }

    /** Index of the newest event in the store. */
    public long headIndex() {
        return configuration.eventStore().createHeadToken().position().orElseThrow();
    }

    public PooledStreamingEventProcessor processor() {
        return configuration.eventProcessingConfiguration()
                .eventProcessor(processorName, PooledStreamingEventProcessor.class)
                .orElseThrow();
    }

    /** The tokens as stored in the read-model database, per segment; -1 for a segment with no position yet. */
    public Map<Integer, Long> storedTokenPositions() {
        Map<Integer, Long> positions = new TreeMap<>();
        for (Document entry : readModels.getCollection(TOKENS)
                .find(Filters.eq("processorName", processorName))) {
            Binary serialized = entry.get("token", Binary.class);
            OptionalLong position = OptionalLong.empty();
            if (serialized != null) {
                TrackingToken token = configuration.serializer().deserialize(new SimpleSerializedObject<>(
                        serialized.getData(), byte[].class, entry.getString("tokenType"), null));
                position = token == null ? OptionalLong.empty() : token.position();
            }
            positions.put(entry.getInteger("segment"), position.orElse(-1));
        }
        return positions;
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}
