package io.pantrade.app;

import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.privacy.MasterKeys;
import io.pantrade.privacy.SubjectKeyCipher;
import io.pantrade.privacy.SubjectKeyStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.crypto.SecretKey;

/**
 * The master key comes from configuration ({@code PANTRADE_CRYPTO_MASTER_KEY}); only the embedded
 * mode may generate a development key in its data directory at first start.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataProtection {

    @Bean
    PersonalDataCipher personalDataCipher(SubjectKeyStore store,
                                          @Value("${pantrade.crypto.master-key:}") String masterKey,
                                          @Value("${pantrade.crypto.generate-dev-key:true}") boolean generateDevKey,
                                          @Value("${pantrade.crypto.key-cache-size:100000}") int cacheSize,
                                          ObjectProvider<DataDirectory> dataDirectory) {
        return new SubjectKeyCipher(store, masterKey(masterKey, generateDevKey, dataDirectory), cacheSize);
    }

    private static SecretKey masterKey(String configured, boolean generateDevKey,
                                       ObjectProvider<DataDirectory> dataDirectory) {
        if (!configured.isBlank()) {
            return MasterKeys.fromBase64(configured);
        }
        DataDirectory directory = dataDirectory.getIfAvailable();
        if (!generateDevKey || directory == null) {
            throw new IllegalStateException("set PANTRADE_CRYPTO_MASTER_KEY (base64 of 32 random bytes); "
                    + "a development key is generated only in the embedded mode");
        }
        return MasterKeys.loadOrCreate(directory.path().resolve("master.key"));
    }
}
