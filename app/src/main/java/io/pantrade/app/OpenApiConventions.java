package io.pantrade.app;

import io.pantrade.command.idempotency.IdempotencyFilter;
import io.pantrade.kernel.crypto.SignatureHeaders;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.List;

/**
 * Documents the headers filters (invisible to springdoc) require: Idempotency-Key on every POST, and
 * the client signature on every POST under the signed paths.
 */
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

    @Bean
    OpenApiCustomizer signatureHeaders(Environment environment) {
        List<String> signedPaths = Binder.get(environment)
                .bind("pantrade.signing.protected-paths", Bindable.listOf(String.class)).orElse(List.of());
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (item.getPost() != null && signedPaths.stream().anyMatch(path::startsWith)) {
                signatureHeader(item.getPost(), SignatureHeaders.CLIENT, "the client's registered id");
                signatureHeader(item.getPost(), SignatureHeaders.TIMESTAMP, "epoch seconds, within 5 minutes of the server");
                signatureHeader(item.getPost(), SignatureHeaders.NONCE, "unique per request and client");
                signatureHeader(item.getPost(), SignatureHeaders.SIGNATURE, "base64 Ed25519 or ECDSA P-256 signature of "
                        + "method, path, timestamp, nonce and the body's SHA-256, one per line");
            }
        });
    }

    private static void signatureHeader(Operation operation, String name, String description) {
        operation.addParametersItem(new HeaderParameter().name(name).required(true).description(description)
                .schema(new StringSchema()));
    }
}
