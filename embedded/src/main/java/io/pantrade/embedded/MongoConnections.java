package io.pantrade.embedded;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.UuidRepresentation;

/** The one way Pantrade configures the MongoDB driver, whichever server it talks to. */
public final class MongoConnections {

    private MongoConnections() {
    }

    /** Standard UUIDs, because JobRunr and axon-mongo read and write them that way. */
    public static MongoClientSettings.Builder settings(ConnectionString connection) {
        return MongoClientSettings.builder()
                .applyConnectionString(connection)
                .uuidRepresentation(UuidRepresentation.STANDARD);
    }

    public static MongoClient connect(ConnectionString connection) {
        return MongoClients.create(settings(connection).build());
    }
}
