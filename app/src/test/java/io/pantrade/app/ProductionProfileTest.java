package io.pantrade.app;

import io.pantrade.embedded.EmbeddedMongoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production profile refuses to start on the embedded defaults instead of silently using them. */
class ProductionProfileTest {

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
                    // the wire server cannot run JobRunr's index migrations
                    "pantrade.deadlines.mongo-schema=no-validate").close())
                    .hasRootCauseMessage("set PANTRADE_CRYPTO_MASTER_KEY (base64 of 32 random bytes); "
                            + "a development key is generated only in the embedded mode");
        }
    }
}
