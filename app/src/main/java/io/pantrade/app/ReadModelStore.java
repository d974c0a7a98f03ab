package io.pantrade.app;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.UuidRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetSocketAddress;

/**
 * The MongoDB that holds the read models: the one at {@code pantrade.mongodb.uri} when it is set
 * (persistent, so nothing is rebuilt at start), otherwise an in-process MongoDB wire-protocol
 * server in memory, started empty and refilled by replaying the event store. Either way it is
 * reached through the official driver over TCP.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelStore {

    private static final Logger log = LoggerFactory.getLogger(ReadModelStore.class);

    @Bean
    MongoConnection mongoConnection(@Value("${pantrade.mongodb.uri:}") String uri,
                                    @Value("${pantrade.mongodb.embedded-allowed:true}") boolean embeddedAllowed,
                                    @Value("${pantrade.mongodb.embedded-port:0}") int embeddedPort,
                                    @Value("${pantrade.mongodb.database:pantrade}") String defaultDatabase) {
        if (!uri.isBlank()) {
            ConnectionString connection = new ConnectionString(uri);
            String database = connection.getDatabase() != null ? connection.getDatabase() : defaultDatabase;
            log.info("read models in MongoDB at {} (database {})", connection.getHosts(), database);
            return new MongoConnection(null, client(connection), database, "MongoDB " + connection.getHosts());
        }
        if (!embeddedAllowed) {
            throw new IllegalStateException("PANTRADE_MONGODB_URI must be set: this profile keeps state in MongoDB "
                    + "and must not fall back to the in-memory embedded server");
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", embeddedPort);
        InetSocketAddress address = server.getLocalAddress();
        String where = "127.0.0.1:" + address.getPort();
        log.info("read models in the embedded in-memory MongoDB server at {} (rebuilt from the event store at every start)",
                where);
        return new MongoConnection(server, client(new ConnectionString("mongodb://" + where)), defaultDatabase,
                "embedded MongoDB " + where);
    }

    @Bean
    MongoClient mongoClient(MongoConnection connection) {
        return connection.client();
    }

    @Bean
    MongoDatabase readModels(MongoConnection connection) {
        return connection.client().getDatabase(connection.database());
    }

    private static MongoClient client(ConnectionString connection) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(connection)
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    /** Owns the embedded server, if any, so that it is shut down after the client. */
    record MongoConnection(MongoServer embeddedServer, MongoClient client, String database, String description)
            implements AutoCloseable {

        @Override
        public void close() {
            client.close();
            if (embeddedServer != null) {
                embeddedServer.shutdownNow();
            }
        }

        boolean embedded() {
            return embeddedServer != null;
        }
    }
}
