package io.pantrade.app;

import io.pantrade.privacy.SecretFiles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Secrets come from configuration. Only the embedded mode may, for development, generate one at
 * first start in its data directory; any other mode refuses to start without it.
 */
@Component
class DevelopmentSecrets {

    private static final int SECRET_BYTES = 32;

    private final boolean generate;
    private final ObjectProvider<DataDirectory> dataDirectory;

    DevelopmentSecrets(@Value("${pantrade.crypto.generate-dev-key:true}") boolean generate,
                       ObjectProvider<DataDirectory> dataDirectory) {
        this.generate = generate;
        this.dataDirectory = dataDirectory;
    }

    /**
     * @param configured  the configured value, blank if none
     * @param fileName    the development file in the data directory
     * @param environment the environment variable to name when it is missing
     * @return the configured secret, else the development one (base64 of 32 random bytes)
     */
    String configuredOrGenerated(String configured, String fileName, String environment) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        DataDirectory directory = dataDirectory.getIfAvailable();
        if (!generate || directory == null) {
            throw new IllegalStateException("set " + environment + " (base64 of 32 random bytes); "
                    + "a development secret is generated only in the embedded mode");
        }
        return SecretFiles.readOrCreate(directory.path().resolve(fileName), SECRET_BYTES);
    }
}
