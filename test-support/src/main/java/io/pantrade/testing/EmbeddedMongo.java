package io.pantrade.testing;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.pantrade.embedded.EmbeddedMongoServer;
import io.pantrade.embedded.MongoConnections;

import java.util.function.Consumer;

/**
 * For tests: the engine's embedded MongoDB server and a real driver client over TCP to it. Never a
 * mock: what passes here passes against the wire protocol.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final MongoClient client;

    private EmbeddedMongo(EmbeddedMongoServer server, MongoClient client) {
        this.server = server;
        this.client = client;
    }

    public static EmbeddedMongo start() {
        return start(settings -> {
        });
    }

    /** @param customizer e.g. to add a command listener that records what the driver sends */
    public static EmbeddedMongo start(Consumer<MongoClientSettings.Builder> customizer) {
        EmbeddedMongoServer server = EmbeddedMongoServer.start(0);
        MongoClientSettings.Builder settings = MongoConnections.settings(server.connectionString());
        customizer.accept(settings);
        return new EmbeddedMongo(server, MongoClients.create(settings.build()));
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

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
