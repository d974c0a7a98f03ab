package io.pantrade.projection.payment;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentSummaryConfiguration {

    @Bean
    PaymentSummaries paymentSummaries(MongoDatabase readModels) {
        return new PaymentSummaries(readModels);
    }

    @Bean
    PaymentSummaryProjection paymentSummaryProjection(PaymentSummaries summaries) {
        return new PaymentSummaryProjection(summaries);
    }

    @Bean
    ConfigurerModule paymentSummaryProcessing(MongoDatabase readModels,
            @Value("${pantrade.projections.batch-size:500}") int batchSize,
            @Value("${pantrade.projections.segments:2}") int segments) {
        return configurer -> ProjectionProcessing.register(configurer.eventProcessing(),
                PaymentSummaryProjection.PROCESSOR, readModels, new ProjectionTuning(batchSize, segments));
    }
}
