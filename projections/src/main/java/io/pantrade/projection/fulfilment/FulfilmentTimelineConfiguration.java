package io.pantrade.projection.fulfilment;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FulfilmentTimelineConfiguration {

    @Bean
    FulfilmentTimelines fulfilmentTimelines(MongoDatabase readModels) {
        return new FulfilmentTimelines(readModels);
    }

    @Bean
    FulfilmentTimelineProjection fulfilmentTimelineProjection(FulfilmentTimelines timelines) {
        return new FulfilmentTimelineProjection(timelines);
    }

    @Bean
    ConfigurerModule fulfilmentTimelineProcessing(MongoDatabase readModels, ProjectionTuning tuning) {
        return ProjectionProcessing.module(FulfilmentTimelineProjection.PROCESSOR, readModels, tuning);
    }
}
