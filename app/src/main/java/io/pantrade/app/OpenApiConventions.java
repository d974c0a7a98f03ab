package io.pantrade.app;

import io.pantrade.command.idempotency.IdempotencyFilter;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

/** Documents the Idempotency-Key header, which a filter (invisible to springdoc) requires on every POST. */
@Configuration(proxyBeanMethods = false)
class OpenApiConventions {

    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter()
                        .name(IdempotencyFilter.HEADER)
                        .required(true)
                        .description("client-chosen unique key; a retry with the same key and body gets the first answer")
                        .schema(new StringSchema().maxLength(255)));
            }
            return operation;
        };
    }
}
