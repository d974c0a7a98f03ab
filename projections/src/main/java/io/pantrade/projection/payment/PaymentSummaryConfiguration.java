package io.pantrade.projection.payment;

import com.mongodb.client.MongoDatabase;
import io.pantrade.projection.ProjectionProcessing;
import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.axonframework.config.ConfigurerModule;
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
    ConfigurerModule paymentSummaryProcessing(MongoDatabase readModels, ProjectionTuning tuning) {
        return ProjectionProcessing.module(PaymentSummaryProjection.PROCESSOR, readModels, tuning);
    }
}
