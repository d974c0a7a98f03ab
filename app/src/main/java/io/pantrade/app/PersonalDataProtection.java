package io.pantrade.app;

import io.pantrade.command.idempotency.RequestFingerprint;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.privacy.SubjectKeyCipher;
import io.pantrade.privacy.SubjectKeyStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's secrets: the master key that wraps every subject key ({@code PANTRADE_CRYPTO_MASTER_KEY})
 * and the key of the idempotency fingerprints ({@code PANTRADE_IDEMPOTENCY_FINGERPRINT_KEY}). Both
 * come from configuration; only the embedded mode may generate development keys in its data
 * directory at first start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataProtection {

    @Bean
    ConfiguredKeys configuredKeys(@Value("${pantrade.crypto.generate-dev-key:true}") boolean generateDevKey,
                                  ObjectProvider<DataDirectory> dataDirectory) {
        return new ConfiguredKeys(generateDevKey, dataDirectory);
    }

    @Bean
    PersonalDataCipher personalDataCipher(SubjectKeyStore store, ConfiguredKeys keys,
                                          @Value("${pantrade.crypto.master-key:}") String masterKey,
                                          @Value("${pantrade.crypto.key-cache-size:100000}") int cacheSize) {
        return new SubjectKeyCipher(store,
                keys.load(masterKey, "the master key", "PANTRADE_CRYPTO_MASTER_KEY", "master.key"), cacheSize);
    }

    /**
     * Request bodies hold card numbers and personal data: their fingerprints in the idempotency
     * store are keyed so that they cannot be brute-forced back. Every node sharing that store needs
     * the same key; a new key only makes retries of requests sent before it look like other requests.
     */
    @Bean
    RequestFingerprint requestFingerprint(ConfiguredKeys keys,
                                          @Value("${pantrade.idempotency.fingerprint-key:}") String fingerprintKey) {
        return new RequestFingerprint(keys.load(fingerprintKey, "the idempotency fingerprint key",
                "PANTRADE_IDEMPOTENCY_FINGERPRINT_KEY", "idempotency-fingerprint.key"));
    }
}
