package io.pantrade.projection.ledger;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    LedgerReadModel ledgerReadModel(MongoDatabase readModels) {
        return new LedgerReadModel(readModels);
    }

    @Bean
    LedgerProjection ledgerProjection(LedgerReadModel readModel) {
        return new LedgerProjection(readModel);
    }

    /** One segment whatever {@code pantrade.projections.segments} says: see {@link LedgerProjection}. */
    @Bean
    ConfigurerModule ledgerProcessing(MongoDatabase readModels,
            @Value("${pantrade.projections.batch-size:500}") int batchSize) {
        return configurer -> ProjectionProcessing.register(configurer.eventProcessing(), LedgerProjection.PROCESSOR,
                readModels, new ProjectionTuning(batchSize, 1));
    }
}
