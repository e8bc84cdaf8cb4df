package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chats.testsupport.RequiredService;
import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real database for adapter tests, chosen in this order: the URL in the environment
 * ({@code CHATS_TEST_POSTGRES_URL}, {@code CHATS_TEST_MARIADB_URL}, with {@code _USER} and {@code _PASSWORD}),
 * else a Testcontainers container when Docker is available, else the test is skipped with the reason (fails
 * under {@code CI=true}: see {@link RequiredService}). H2 always
 * runs, in memory. One database per vendor per test JVM, in a schema of its own on a shared server (a container
 * is shared the same way); {@link #clean()} empties it between tests.
 */
final class TestDatabase {

    enum Vendor { H2, POSTGRESQL, MARIADB }

    private static final Map<Vendor, TestDatabase> OPEN = new EnumMap<>(Vendor.class);

    private final HikariDataSource dataSource;
    private final JdbcDatabase database;

    private TestDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.database = migrated(dataSource);
    }

    private static final List<ApplicationContext> CONTEXTS = new ArrayList<>();

    /**
     * The adapter on the pool's database, wired as the server wires it: a context with micronaut-jdbc-hikari's
     * datasource on the same URL and credentials, migrated by micronaut-flyway. The context lives until the run
     * ends.
     */
    static synchronized JdbcDatabase migrated(HikariDataSource pool) {
        return migrated(pool, Map.of());
    }

    /** As {@link #migrated(HikariDataSource)}, with more settings for the context. */
    static synchronized JdbcDatabase migrated(HikariDataSource pool, Map<String, Object> more) {
        Map<String, Object> settings = new HashMap<>(more);
        settings.put("datasources.default.url", pool.getJdbcUrl());
        settings.put("datasources.default.username", pool.getUsername() == null ? "" : pool.getUsername());
        settings.put("datasources.default.password", pool.getPassword() == null ? "" : pool.getPassword());
        settings.put("datasources.default.maximum-pool-size", 8);
        settings.put("flyway.datasources.default.enabled", true);
        ApplicationContext context = ApplicationContext.run(settings);
        if (CONTEXTS.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> CONTEXTS.forEach(ApplicationContext::close)));
        }
        CONTEXTS.add(context);
        return context.getBean(JdbcDatabase.class);
    }

    /** Where a vendor's server is reached: a URL and credentials that may create schemas or databases. */
    private record Server(String name, String url, String user, String password) {
    }

    private static final Map<Vendor, Server> SERVERS = new EnumMap<>(Vendor.class);

    /** The vendor's database, migrated; skips the calling test if none can be reached. */
    static synchronized TestDatabase of(Vendor vendor) {
        TestDatabase open = OPEN.get(vendor);
        if (open == null) {
            open = new TestDatabase(emptyDataSource(vendor));
            OPEN.put(vendor, open);
        }
        return open;
    }

    /**
     * Flyway set up to replay the versioned migrations on a new database, never a baseline migration (H2's
     * {@code B16__h2_schema.sql} is applied to a new database whatever the target): for tests that start from an
     * older version.
     */
    static FluentConfiguration replayingMigrations(FluentConfiguration flyway) {
        return flyway.configuration(Map.of("flyway.baselineMigrationPrefix", "NO_BASELINE"));
    }

    /** Replays the dialect's versioned migrations on {@code pool} up to {@code target} ({@code "latest"}: all). */
    static void replayedUpTo(HikariDataSource pool, SqlDialect dialect, String target) {
        replayingMigrations(SchemaMigrations.configure(Flyway.configure().dataSource(pool), dialect, null))
                .target(target).load().migrate();
    }

    /**
     * A pool on a new, empty, unmigrated database of the vendor's (H2 in memory; elsewhere a schema or database of
     * its own, dropped when the run ends); skips the calling test if no server can be reached.
     */
    static HikariDataSource emptyDataSource(Vendor vendor) {
        if (vendor == Vendor.H2) {
            return pool("jdbc:h2:mem:contract-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        Server server = server(vendor);
        return pool(ownSchema(server), server.user(), server.password());
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    private static synchronized Server server(Vendor vendor) {
        Server server = SERVERS.get(vendor);
        if (server == null) {
            server = vendor == Vendor.POSTGRESQL
                    ? fromEnvironmentOrContainer("POSTGRES", () -> new PostgreSQLContainer<>("postgres:16-alpine"))
                    : fromEnvironmentOrContainer("MARIADB",
                            () -> new MariaDBContainer<>("mariadb:11").withUsername("root"));
            SERVERS.put(vendor, server);
        }
        return server;
    }

    private static Server fromEnvironmentOrContainer(String name,
                                                     java.util.function.Supplier<JdbcDatabaseContainer<?>> container) {
        Optional<String> url = env("CHATS_TEST_" + name + "_URL");
        if (url.isPresent()) {
            return new Server(name, url.get(), env("CHATS_TEST_" + name + "_USER").orElse(null),
                    env("CHATS_TEST_" + name + "_PASSWORD").orElse(""));
        }
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        RequiredService.require(docker, "no " + name + " server for its tests: set CHATS_TEST_" + name
                + "_URL (and _USER, _PASSWORD) or make a Docker engine available for Testcontainers");
        JdbcDatabaseContainer<?> started = container.get();
        started.start();
        return new Server(name, started.getJdbcUrl(), started.getUsername(), started.getPassword());
    }

    /**
     * A schema (PostgreSQL) or database (MariaDB) of this test run's own inside the shared server, dropped when
     * the run ends, so runs never see each other's rows or migrations.
     */
    private static String ownSchema(Server server) {
        String schema = "chats_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        boolean postgres = "POSTGRES".equals(server.name());
        String url = server.url();
        if (postgres) {
            sharedTrigramExtension(server);
        }
        execute(server, postgres ? "CREATE SCHEMA " + schema : "CREATE DATABASE " + schema
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server,
                (postgres ? "DROP SCHEMA " + schema + " CASCADE" : "DROP DATABASE " + schema))));
        if (postgres) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String rest = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + schema + rest;
    }

    /**
     * pg_trgm in {@code public}, before any test schema migrates: otherwise the first schema's migration creates the
     * extension inside itself, and dropping that schema (CASCADE) takes the extension, and every trigram index of the
     * other runs' schemas, with it — a concurrent run then fails or deadlocks. A server where the extension cannot be
     * created runs the search without trigram indexes, as the migration allows.
     */
    private static void sharedTrigramExtension(Server server) {
        try {
            execute(server, "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
        } catch (RuntimeException e) {
            // Another run created it at the same moment, or this user may not: either way the migration copes.
        }
    }

    private static void execute(Server server, String sql) {
        try (Connection connection = java.sql.DriverManager.getConnection(server.url(), server.user(),
                server.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + server.url(), e);
        }
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
            for (String table : new String[]{"chat_message", "chat_tag", "chat_share_grant", "chat_share", "tag",
                    "chat", "folder_grant", "folder", "api_key", "app_user", "revoked_token", "vapi_chat_owner", "vapi_chat"}) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clean the test database", e);
        }
    }
}
