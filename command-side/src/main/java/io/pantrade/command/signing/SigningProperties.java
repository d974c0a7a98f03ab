package io.pantrade.command.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code pantrade.signing.*}.
 *
 * @param protectedPaths path prefixes under which every state-changing request must be signed
 * @param tolerance      how far a request's timestamp may be from the server's clock, either way
 * @param clients        client id to the base64 X.509 SubjectPublicKeyInfo of its public key
 */
@ConfigurationProperties("pantrade.signing")
record SigningProperties(@DefaultValue({"/api/payments", "/api/payment-methods"}) List<String> protectedPaths,
                         @DefaultValue("PT5M") Duration tolerance,
                         @DefaultValue Map<String, String> clients) {

    SigningProperties {
        if (protectedPaths.stream().anyMatch(path -> !path.startsWith("/"))) {
            throw new IllegalArgumentException("pantrade.signing.protected-paths must each start with '/'");
        }
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("pantrade.signing.tolerance must be positive");
        }
    }
}
