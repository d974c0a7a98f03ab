package io.pantrade.projection.order;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.UuidRepresentation;

/** The in-memory MongoDB wire server on 127.0.0.1, reached through the real driver over TCP. */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    private EmbeddedMongo() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0); // returns nothing: the port comes from getLocalAddress()
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    static EmbeddedMongo start() {
        return new EmbeddedMongo();
    }

    MongoClient client() {
        return client;
    }

    MongoDatabase emptyDatabase(String name) {
        MongoDatabase database = client.getDatabase(name);
        database.drop();
        return database;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
