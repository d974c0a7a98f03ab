package io.pantrade.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pantrade.embedded.EmbeddedMongoServer;
import io.pantrade.embedded.MongoConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code pantrade.mongodb.uri} set, the read models live in that MongoDB (here a server that
 * outlives the engine), and so do their tokens: a restarted engine continues where the old one
 * stopped instead of rebuilding from the first event. Proof: a document removed while the engine
 * was down stays removed, where a rebuild would have brought it back.
 */
class ExternalMongoTest {

    @TempDir
    Path dataDir;

    @Test
    void read_models_in_a_configured_mongodb_are_kept_not_rebuilt() {
        try (EmbeddedMongoServer mongo = EmbeddedMongoServer.start(0);
             MongoClient client = MongoConnections.connect(mongo.connectionString())) {
            String uri = "pantrade.mongodb.uri=mongodb://" + mongo.address() + "/pantrade_external";
            MongoDatabase database = client.getDatabase("pantrade_external");
            String customer = Orders.customer();
            List<String> orderIds = new ArrayList<>();

            try (Engine engine = Engine.start(dataDir, uri)) {
                for (int i = 0; i < 10; i++) {
                    orderIds.add(engine.http().post("/api/orders", Orders.order(customer)).field("orderId"));
                }
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> database.getCollection("order_summaries").countDocuments() == 10);
            }
            String removedWhileDown = orderIds.get(0);
            database.getCollection("order_summaries").deleteOne(Filters.eq("_id", removedWhileDown));

            try (Engine restarted = Engine.start(dataDir, uri)) {
                Http http = restarted.http();
                String placedAfterRestart = http.post("/api/orders", Orders.order(customer)).field("orderId");
                await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/orders/" + placedAfterRestart).status() == 200);

                assertThat(http.get("/api/orders/" + orderIds.get(1)).status()).isEqualTo(200);
                // 503 while a segment is still catching up; then the verdict
                await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/orders/" + removedWhileDown).status() != 503);
                assertThat(http.get("/api/orders/" + removedWhileDown).status()).isEqualTo(404);
                assertThat(database.getCollection("order_summaries").countDocuments()).isEqualTo(10);
            }
        }
    }
}
