package io.pantrade.projection;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;

/**
 * How every read model is fed: a pooled streaming processor reading batches of events, its token
 * kept in the same MongoDB database as the read model, one bulk write per batch, and a failing
 * handler retried rather than skipped.
 */
public final class ProjectionProcessing {

    static final String TOKEN_COLLECTION = "projection_tokens";

    private ProjectionProcessing() {
    }

    /** What a projection's Spring configuration contributes: its processor, registered as above. */
    public static ConfigurerModule module(String processorName, MongoDatabase readModels, ProjectionTuning tuning) {
        return configurer -> register(configurer.eventProcessing(), processorName, readModels, tuning);
    }

    public static void register(EventProcessingConfigurer processing, String processorName, MongoDatabase readModels,
                                ProjectionTuning tuning) {
        processing
                .registerPooledStreamingEventProcessor(processorName,
                        Configuration::eventStore,
                        (config, builder) -> builder
                                .batchSize(tuning.batchSize())
                                .initialSegmentCount(tuning.segments())
                                .maxClaimedSegments(tuning.segments()))
                .registerTokenStore(processorName, config -> tokenStore(readModels, config))
                .registerHandlerInterceptor(processorName, config -> new FlushMongoBatch())
                .registerListenerInvocationErrorHandler(processorName, config -> PropagatingErrorHandler.instance());
    }

    private static TokenStore tokenStore(MongoDatabase readModels, Configuration config) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(readModels)
                        .trackingTokensCollectionName(TOKEN_COLLECTION)
                        .build())
                .serializer(config.serializer())
                .build();
    }

    /** @param batchSize events per unit of work (and per bulk write) */
    public record ProjectionTuning(int batchSize, int segments) {

        /** For a projection whose writes need the events in one global order. */
        public ProjectionTuning oneSegment() {
            return new ProjectionTuning(batchSize, 1);
        }
    }
}
