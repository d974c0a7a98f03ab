package io.pantrade.app;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DeadLetterTest}'s cases with Axon's state in MongoDB, as the production profile keeps it:
 * axon-mongo's dead-letter queue on the embedded MongoDB server.
 */
class MongoDeadLetterTest extends DeadLetterTest {

    @Override
    String[] engineProperties() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        return new String[]{"pantrade.axon-state=mongo", "pantrade.crypto.master-key=" + key,
                "pantrade.idempotency.fingerprint-key=" + key, "pantrade.crypto.generate-dev-key=false"};
    }

    @Test
    void the_letters_are_in_mongodb() {
        assertThat(engine.bean(DeadLetterStore.class)).isInstanceOf(MongoDeadLetterStore.class);
    }
}
