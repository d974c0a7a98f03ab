package io.pantrade.testing;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.pantrade.embedded.EmbeddedMongoServer;
import io.pantrade.embedded.MongoConnections;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * For tests: the engine's embedded MongoDB server and a real driver client over TCP to it, as a
 * JUnit extension: {@code @RegisterExtension static final EmbeddedMongo mongo = perTestClass()}, or
 * a server per test with {@code perTest()} on an instance field. Never a mock: what passes here
 * passes against the wire protocol.
 */
public final class EmbeddedMongo implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final boolean perTest;
    private final Consumer<MongoClientSettings.Builder> customizer;
    private EmbeddedMongoServer server;
    private MongoClient client;

    private EmbeddedMongo(boolean perTest, Consumer<MongoClientSettings.Builder> customizer) {
        this.perTest = perTest;
        this.customizer = customizer;
    }

    public static EmbeddedMongo perTestClass() {
        return perTestClass(settings -> {
        });
    }

    /** @param customizer e.g. to add a command listener that records what the driver sends */
    public static EmbeddedMongo perTestClass(Consumer<MongoClientSettings.Builder> customizer) {
        return new EmbeddedMongo(false, customizer);
    }

    public static EmbeddedMongo perTest() {
        return new EmbeddedMongo(true, settings -> {
        });
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest) {
            stop();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perTest) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    private void start() {
        server = EmbeddedMongoServer.start(0);
        MongoClientSettings.Builder settings = MongoConnections.settings(server.connectionString());
        customizer.accept(settings);
        client = MongoClients.create(settings.build());
    }

    private void stop() {
        client.close();
        server.close();
    }

    public MongoClient client() {
        return client;
    }

    /** A database of this name, dropped first so that each test starts clean. */
    public MongoDatabase emptyDatabase(String name) {
        MongoDatabase database = client.getDatabase(name);
        database.drop();
        return database;
    }
}
