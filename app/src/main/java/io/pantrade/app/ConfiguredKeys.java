package io.pantrade.app;

import io.pantrade.privacy.MasterKeys;
import org.springframework.beans.factory.ObjectProvider;

import javax.crypto.SecretKey;

/**
 * A 256-bit secret comes from configuration; only the embedded mode may generate a development
 * key in its data directory at first start ({@code pantrade.crypto.generate-dev-key}).
 */
record ConfiguredKeys(boolean generateDevKeys, ObjectProvider<DataDirectory> dataDirectory) {

    /**
     * @param what     names the key in messages, e.g. "the master key"
     * @param variable the environment variable that sets it
     * @param fileName where the embedded mode keeps a generated one
     */
    SecretKey load(String configured, String what, String variable, String fileName) {
        if (!configured.isBlank()) {
            return MasterKeys.fromBase64(configured, what);
        }
        DataDirectory directory = dataDirectory.getIfAvailable();
        if (!generateDevKeys || directory == null) {
            throw new IllegalStateException("set " + variable + " (base64 of 32 random bytes); "
                    + "a development key is generated only in the embedded mode");
        }
        return MasterKeys.loadOrCreate(directory.path().resolve(fileName), what);
    }
}
