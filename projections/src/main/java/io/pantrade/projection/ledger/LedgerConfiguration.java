package io.pantrade.projection.ledger;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.ConfigurerModule;
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
    ConfigurerModule ledgerProcessing(MongoDatabase readModels, ProjectionTuning tuning) {
        return ProjectionProcessing.module(LedgerProjection.PROCESSOR, readModels, tuning.oneSegment());
    }
}
