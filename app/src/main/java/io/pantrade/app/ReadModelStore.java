package io.pantrade.app;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.pantrade.embedded.EmbeddedMongoServer;
import io.pantrade.embedded.MongoConnections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
            return new MongoConnection(null, MongoConnections.connect(connection), database,
                    "MongoDB " + connection.getHosts());
        }
        if (!embeddedAllowed) {
            throw new IllegalStateException("PANTRADE_MONGODB_URI must be set: this profile keeps state in MongoDB "
                    + "and must not fall back to the in-memory embedded server");
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.start(embeddedPort);
        log.info("read models in the embedded in-memory MongoDB server at {} (rebuilt from the event store at every start)",
                server.address());
        return new MongoConnection(server, MongoConnections.connect(server.connectionString()), defaultDatabase,
                "embedded MongoDB " + server.address());
    }

    @Bean
    MongoClient mongoClient(MongoConnection connection) {
        return connection.client();
    }

    @Bean
    MongoDatabase readModels(MongoConnection connection) {
        return connection.client().getDatabase(connection.database());
    }

    /** Owns the embedded server, if any, so that it is shut down after the client. */
    record MongoConnection(EmbeddedMongoServer embeddedServer, MongoClient client, String database, String description)
            implements AutoCloseable {

        @Override
        public void close() {
            client.close();
            if (embeddedServer != null) {
                embeddedServer.close();
            }
        }
    }
}
