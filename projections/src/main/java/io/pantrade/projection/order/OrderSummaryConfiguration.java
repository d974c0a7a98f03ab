package io.pantrade.projection.order;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderSummaryConfiguration {

    @Bean
    OrderSummaries orderSummaries(MongoDatabase readModels) {
        return new OrderSummaries(readModels);
    }

    @Bean
    OrderSummaryProjection orderSummaryProjection(OrderSummaries summaries, QueryUpdateEmitter subscribers) {
        return new OrderSummaryProjection(summaries, subscribers);
    }

    @Bean
    ConfigurerModule orderSummaryProcessing(MongoDatabase readModels, ProjectionTuning tuning) {
        return ProjectionProcessing.module(OrderSummaryProjection.PROCESSOR, readModels, tuning);
    }
}
