package io.pantrade.app;

import io.pantrade.embedded.EmbeddedMongoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production profile refuses to start on the embedded defaults instead of silently using them. */
class ProductionProfileTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dataDir;

    @Test
    void refuses_to_start_without_a_mongodb_uri() {
        assertThatThrownBy(() -> Engine.start(dataDir, "spring.profiles.active=axonserver").close())
                .hasRootCauseMessage("PANTRADE_MONGODB_URI must be set: this profile keeps state in MongoDB "
                        + "and must not fall back to the in-memory embedded server");
    }

    @Test
    void refuses_to_start_without_a_configured_master_key() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(0)) {
            assertThatThrownBy(() -> Engine.start(dataDir, "spring.profiles.active=axonserver",
                    "pantrade.mongodb.uri=mongodb://" + mongo.address() + "/pantrade",
                    "pantrade.idempotency.fingerprint-key=" + KEY,
                    // the wire server cannot run JobRunr's index migrations
                    "pantrade.deadlines.mongo-schema=no-validate").close())
                    .hasRootCauseMessage("set PANTRADE_CRYPTO_MASTER_KEY (base64 of 32 random bytes); "
                            + "a development key is generated only in the embedded mode");
        }
        assertThat(dataDir.resolve("master.key")).doesNotExist();
    }

    @Test
    void refuses_to_start_without_a_configured_idempotency_fingerprint_key() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(0)) {
            assertThatThrownBy(() -> Engine.start(dataDir, "spring.profiles.active=axonserver",
                    "pantrade.mongodb.uri=mongodb://" + mongo.address() + "/pantrade",
                    "pantrade.crypto.master-key=" + KEY).close())
                    .hasRootCauseMessage("set PANTRADE_IDEMPOTENCY_FINGERPRINT_KEY (base64 of 32 random bytes); "
                            + "a development key is generated only in the embedded mode");
        }
        assertThat(dataDir.resolve("idempotency-fingerprint.key")).doesNotExist();
    }
}
