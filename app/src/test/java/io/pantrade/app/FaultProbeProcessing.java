package io.pantrade.app;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import io.pantrade.saga.SagaProcessing;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Test-only: the fault probe's projection and saga registered as the real ones are. */
@Configuration(proxyBeanMethods = false)
class FaultProbeProcessing {

    @Bean
    ConfigurerModule faultProbeProjectionProcessing(MongoDatabase readModels, ProjectionTuning tuning) {
        return ProjectionProcessing.module(FaultProbe.PROJECTION, readModels, tuning);
    }

    @Bean
    ConfigurerModule faultProbeSagaProcessing() {
        return SagaProcessing.module(FaultProbe.SAGA);
    }
}
