package io.pantrade.projection.delivery;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryBoardConfiguration {

    @Bean
    Deliveries deliveries(MongoDatabase readModels) {
        return new Deliveries(readModels);
    }

    @Bean
    DeliveryBoardProjection deliveryBoardProjection(Deliveries deliveries) {
        return new DeliveryBoardProjection(deliveries);
    }

    @Bean
    ConfigurerModule deliveryBoardProcessing(MongoDatabase readModels, ProjectionTuning tuning) {
        return ProjectionProcessing.module(DeliveryBoardProjection.PROCESSOR, readModels, tuning);
    }
}
