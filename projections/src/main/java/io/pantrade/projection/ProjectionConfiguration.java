package io.pantrade.projection;

import io.pantrade.projection.ProjectionProcessing.ProjectionTuning;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tuning every projection's processor starts from. */
@Configuration(proxyBeanMethods = false)
class ProjectionConfiguration {

    @Bean
    ProjectionTuning projectionTuning(@Value("${pantrade.projections.batch-size:500}") int batchSize,
                                      @Value("${pantrade.projections.segments:2}") int segments) {
        return new ProjectionTuning(batchSize, segments);
    }
}
