package io.pantrade.app;

import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.privacy.MasterKeys;
import io.pantrade.privacy.SubjectKeyCipher;
import io.pantrade.privacy.SubjectKeyStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The master key comes from configuration ({@code PANTRADE_CRYPTO_MASTER_KEY}); only the embedded
 * mode may generate a development key in its data directory at first start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataProtection {

    @Bean
    PersonalDataCipher personalDataCipher(SubjectKeyStore store, DevelopmentSecrets secrets,
                                          @Value("${pantrade.crypto.master-key:}") String masterKey,
                                          @Value("${pantrade.crypto.key-cache-size:100000}") int cacheSize) {
        return new SubjectKeyCipher(store, MasterKeys.fromBase64(
                secrets.configuredOrGenerated(masterKey, "master.key", "PANTRADE_CRYPTO_MASTER_KEY")), cacheSize);
    }
}
