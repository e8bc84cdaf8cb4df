package dev.chats.app.support;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chats.testsupport.RequiredService;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Test helper: a store a whole server can run on, in a schema, database or in-process server of the test's own.
 * H2 and MongoDB always run (MongoDB through the in-process wire-protocol server unless
 * {@code CHATS_TEST_MONGO_URI} names a real one); PostgreSQL and MariaDB run when {@code CHATS_TEST_POSTGRES_URL}
 * / {@code CHATS_TEST_MARIADB_URL} are set (as {@code .ci/run} does), else the calling test is skipped
 * (fails under {@code CI=true}: see {@link RequiredService}).
 */
public enum TestStore {
    H2, POSTGRESQL, MARIADB, MONGODB;

    /** A place of the store's, ready for a server; close it to drop what the server left there. */
    public Place open() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, String> properties = new LinkedHashMap<>();
        return switch (this) {
            case H2 -> {
                properties.put("datasources.default.url", "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
                yield new Place(properties, () -> { });
            }
            case POSTGRESQL -> {
                Server server = Server.fromEnvironment("POSTGRES");
                properties.putAll(server.credentials());
                properties.put("datasources.default.url", server.url());
                properties.put("datasources.default.schema", name);
                yield new Place(properties, () -> server.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE"));
            }
            case MARIADB -> {
                Server server = Server.fromEnvironment("MARIADB");
                server.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                properties.putAll(server.credentials());
                properties.put("datasources.default.url", server.withDatabase(name));
                yield new Place(properties, () -> server.execute("DROP DATABASE IF EXISTS " + name));
            }
            case MONGODB -> {
                Optional<String> given = env("CHATS_TEST_MONGO_URI");
                MongoServer embedded = given.isPresent() ? null : new MongoServer(new MemoryBackend());
                String uri = given.orElseGet(() -> {
                    InetSocketAddress address = embedded.bind();
                    return "mongodb://127.0.0.1:" + address.getPort();
                });
                properties.put("chats.persistence", "mongo");
                properties.put("mongodb.uri", uri);
                properties.put("mongodb.database", name);
                yield new Place(properties, () -> {
                    if (embedded != null) {
                        embedded.shutdownNow();
                    }
                });
            }
        };
    }

    /** Server configuration for one store, as properties and as the environment variables a process reads. */
    public record Place(Map<String, String> properties, Runnable drop) implements AutoCloseable {

        public Map<String, String> environment() {
            Map<String, String> environment = new LinkedHashMap<>();
            properties.forEach((key, value) -> environment.put(
                    key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
            return environment;
        }

        @Override
        public void close() {
            drop.run();
        }
    }

    private record Server(String url, String user, String password) {

        static Server fromEnvironment(String name) {
            Optional<String> url = env("CHATS_TEST_" + name + "_URL");
            RequiredService.require(url.isPresent(), "no " + name + " server for this test: set CHATS_TEST_" + name
                    + "_URL (and _USER, _PASSWORD), as .ci/run does");
            return new Server(url.get(), env("CHATS_TEST_" + name + "_USER").orElse(""),
                    env("CHATS_TEST_" + name + "_PASSWORD").orElse(""));
        }

        Map<String, String> credentials() {
            return Map.of("datasources.default.username", user, "datasources.default.password", password);
        }

        String withDatabase(String database) {
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : url.substring(query));
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot run '" + sql + "' on " + url, e);
            }
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
