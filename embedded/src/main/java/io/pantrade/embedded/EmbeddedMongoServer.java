package io.pantrade.embedded;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend, see
 * {@link UnsizedMemoryBackend}) listening on 127.0.0.1 only. It is always reached through the
 * official driver over TCP, exactly like a real MongoDB; it has no secondary indexes,
 * transactions or change streams.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private EmbeddedMongoServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param port 0 for any free port */
    public static EmbeddedMongoServer start(int port) {
        MongoServer server = new MongoServer(new UnsizedMemoryBackend());
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server, server.getLocalAddress().getPort());
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public ConnectionString connectionString() {
        return new ConnectionString("mongodb://" + address());
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
