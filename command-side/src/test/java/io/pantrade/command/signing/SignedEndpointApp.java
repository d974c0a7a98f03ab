package io.pantrade.command.signing;

import io.pantrade.command.idempotency.IdempotencyStore;
import io.pantrade.command.idempotency.RequestFingerprint;
import io.pantrade.command.idempotency.JdbcIdempotencyStore;
import io.pantrade.testing.H2File;
import io.pantrade.web.WebSupportConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Not the engine: only the web edge (body limit, problem responses), the signing and idempotency
 * filters as the command side registers them, stores on an H2 file, and a trivial endpoint
 * behind them that records each call it gets.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class})
@Import({WebSupportConfiguration.class, SigningConfiguration.class, SignedEndpointApp.Endpoint.class})
@ComponentScan(basePackageClasses = IdempotencyStore.class)
class SignedEndpointApp {

    private static final Path DATABASE = Path.of("target", "signing-test", UUID.randomUUID().toString(), "db")
            .toAbsolutePath();

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JdbcDataSource dataSource() {
        return H2File.open(DATABASE);
    }

    @Bean
    DisposableBean closeDatabase(JdbcDataSource dataSource) {
        return () -> H2File.shutdown(dataSource);
    }

    @Bean
    NonceStore nonceStore(JdbcDataSource dataSource) {
        JdbcNonceStore store = new JdbcNonceStore(dataSource);
        store.createSchema();
        return store;
    }

    @Bean
    RequestFingerprint requestFingerprint() {
        return new RequestFingerprint(new SecretKeySpec(new byte[32], "HmacSHA256"));
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcDataSource dataSource) {
        JdbcIdempotencyStore store = new JdbcIdempotencyStore(dataSource);
        store.createSchema();
        return store;
    }

    record Call(String path, String client, String body) {
    }

    @RestController
    static class Endpoint {

        final List<Call> calls = new CopyOnWriteArrayList<>();

        @RequestMapping(path = {"/api/payments/{id}/capture", "/api/payments/{id}/refund", "/api/payments/{id}",
                "/api/payment-methods"},
                method = {RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE})
        String signed(@RequestAttribute(SignedRequestFilter.CLIENT_ATTRIBUTE) String client,
                      @RequestBody(required = false) byte[] body, HttpServletRequest request) {
            calls.add(new Call(request.getRequestURI(), client, body == null ? "" : new String(body, UTF_8)));
            return "{\"by\":\"" + client + "\"}";
        }

        @GetMapping("/api/payments/{id}")
        String read(HttpServletRequest request) {
            calls.add(new Call(request.getRequestURI(), null, ""));
            return "{}";
        }

        @PostMapping("/api/orders")
        String unprotected(@RequestAttribute(name = SignedRequestFilter.CLIENT_ATTRIBUTE, required = false) String client,
                           @RequestBody byte[] body, HttpServletRequest request) {
            calls.add(new Call(request.getRequestURI(), client, new String(body, UTF_8)));
            return "{}";
        }
    }
}
