package io.pantrade.projection.delivery;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CourierRosterConfiguration {

    @Bean
    Couriers couriers(MongoDatabase readModels) {
        return new Couriers(readModels);
    }

    @Bean
    CourierRosterProjection courierRosterProjection(Couriers couriers) {
        return new CourierRosterProjection(couriers);
    }

    @Bean
    ConfigurerModule courierRosterProcessing(MongoDatabase readModels, ProjectionTuning tuning) {
        return ProjectionProcessing.module(CourierRosterProjection.PROCESSOR, readModels, tuning);
    }
}
