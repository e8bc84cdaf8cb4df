package dev.chats.adapters.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonDocument;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;

/**
 * A real MongoDB for adapter tests, never a mock, chosen in this order: the server at {@code CHATS_TEST_MONGO_URI}
 * (in a database of this run's own, dropped when the run ends); else a Testcontainers {@code mongo} container when
 * Docker is available; else the in-process wire-protocol server {@code mongo-java-server} with its memory backend —
 * so these tests always run. One per test JVM; {@link #clean()} empties it between tests.
 */
final class TestMongo {

    private static TestMongo open;

    private final MongoClient client;
    private final MongoDatabase database;
    private final MongoStore store;
    private final String description;
    private final String hostAndPort;

    private TestMongo(MongoClient client, String databaseName, String description, String hostAndPort) {
        this.client = client;
        this.database = client.getDatabase(databaseName);
        this.store = new MongoStore(database);
        this.description = description;
        this.hostAndPort = hostAndPort;
    }

    static synchronized TestMongo get() {
        if (open == null) {
            open = start();
            System.out.println("MongoDB for adapter tests: " + open.description);
        }
        return open;
    }

    private static TestMongo start() {
        String databaseName = "chats_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Optional<String> uri = Optional.ofNullable(System.getenv("CHATS_TEST_MONGO_URI")).filter(v -> !v.isBlank());
        if (uri.isPresent()) {
            MongoClient client = MongoClients.create(uri.get());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.getDatabase(databaseName).drop();
                client.close();
            }));
            return new TestMongo(client, databaseName, "CHATS_TEST_MONGO_URI, database " + databaseName,
                    new com.mongodb.ConnectionString(uri.get()).getHosts().get(0));
        }
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer(DockerImageName.parse("mongo:7"));
            container.start();
            MongoClient client = MongoClients.create(container.getReplicaSetUrl());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                client.close();
                container.stop();
            }));
            return new TestMongo(client, databaseName, "Testcontainers " + container.getDockerImageName(),
                    container.getHost() + ":" + container.getFirstMappedPort());
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            client.close();
            server.shutdownNow();
        }));
        return new TestMongo(client, databaseName, "in-process mongo-java-server (no CHATS_TEST_MONGO_URI, no Docker)",
                address.getHostString() + ":" + address.getPort());
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    MongoStore store() {
        return store;
    }

    MongoDatabase database() {
        return database;
    }

    /** Another database on the same server, for a test that needs one of its own; the test drops it. */
    MongoDatabase otherDatabase(String suffix) {
        return client.getDatabase(database.getName() + "_" + suffix);
    }

    /** {@code host:port} of the server, for tests that reach it another way (through a relay). */
    String hostAndPort() {
        return hostAndPort;
    }

    /** Removes every document the adapters write; the indexes stay. */
    void clean() {
        for (String collection : MongoStore.COLLECTIONS) {
            database.getCollection(collection, BsonDocument.class).deleteMany(new BsonDocument());
        }
    }
}
