package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real database for adapter tests, chosen in this order: the URL in the environment
 * ({@code CHATS_TEST_POSTGRES_URL}, {@code CHATS_TEST_MARIADB_URL}, with {@code _USER} and {@code _PASSWORD}),
 * else a Testcontainers container when Docker is available, else the test is skipped with the reason. H2 always
 * runs, in memory. One database per vendor per test JVM; {@link #clean()} empties it between tests.
 */
final class TestDatabase {

    enum Vendor { H2, POSTGRESQL, MARIADB }

    private static final Map<Vendor, TestDatabase> OPEN = new EnumMap<>(Vendor.class);

    private final HikariDataSource dataSource;
    private final JdbcDatabase database;

    private TestDatabase(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        this.dataSource = new HikariDataSource(config);
        this.database = new JdbcDatabase(dataSource, JsonMapper.createDefault());
    }

    /** The vendor's database, migrated; skips the calling test if none can be reached. */
    static synchronized TestDatabase of(Vendor vendor) {
        TestDatabase open = OPEN.get(vendor);
        if (open == null) {
            open = switch (vendor) {
                case H2 -> new TestDatabase("jdbc:h2:mem:contract-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "sa", "");
                case POSTGRESQL -> fromEnvironmentOrContainer("POSTGRES",
                        () -> new PostgreSQLContainer<>("postgres:16-alpine"));
                case MARIADB -> fromEnvironmentOrContainer("MARIADB",
                        () -> new MariaDBContainer<>("mariadb:11"));
            };
            OPEN.put(vendor, open);
        }
        return open;
    }

    private static TestDatabase fromEnvironmentOrContainer(String name,
                                                           java.util.function.Supplier<JdbcDatabaseContainer<?>> container) {
        Optional<String> url = env("CHATS_TEST_" + name + "_URL");
        if (url.isPresent()) {
            return new TestDatabase(url.get(), env("CHATS_TEST_" + name + "_USER").orElse(null),
                    env("CHATS_TEST_" + name + "_PASSWORD").orElse(""));
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        Assumptions.assumeTrue(docker, name + " tests skipped: set CHATS_TEST_" + name
                + "_URL (and _USER, _PASSWORD) or make a Docker engine available for Testcontainers");
        JdbcDatabaseContainer<?> started = container.get();
        started.start();
        return new TestDatabase(started.getJdbcUrl(), started.getUsername(), started.getPassword());
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    JdbcDatabase database() {
        return database;
    }

    /** Removes every row the adapters write, children first. */
    void clean() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : new String[]{"chat_message", "chat", "folder", "app_user"}) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean the test database", e);
        }
    }
}
