package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.Locale;


/**
 * The connection pool of {@code datasources.default} ({@code DATASOURCES_DEFAULT_URL}, {@code _USERNAME},
 * {@code _PASSWORD}). Created here rather than by a framework module so that a server running on MongoDB creates
 * no pool and opens no connection. {@code datasources.default.schema} (optional) puts the tables in a schema of
 * their own, created if missing. The pool never fails on its own at start-up: {@link JdbcDatabase} checks the
 * connection and reports it in one line.
 */
@Factory
@JdbcPersistence
final class JdbcDataSourceFactory {

    @Singleton
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(@Value("${datasources.default.url}") String url,
                                @Nullable @Value("${datasources.default.username:}") String username,
                                @Nullable @Value("${datasources.default.password:}") String password,
                                @Nullable @Value("${datasources.default.schema:}") String schema,
                                @Value("${datasources.default.maximum-pool-size:16}") int maximumPoolSize,
                                @Value("${datasources.default.connection-timeout-millis:5000}") long timeoutMillis) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chats");
        config.setJdbcUrl(durable(url));
        config.setUsername(username == null || username.isEmpty() ? null : username);
        config.setPassword(password);
        config.setMaximumPoolSize(maximumPoolSize);
        if (schema != null && !schema.isEmpty()) {
            // The migration creates it; every connection then works inside it.
            config.setSchema(schema);
        }
        // A request waits this long for a connection before it answers 503, instead of hanging while the
        // database is away; the pool reconnects by itself once it is back.
        config.setConnectionTimeout(timeoutMillis);
        config.setInitializationFailTimeout(-1);
        // Idle connections are pinged, so one broken by a silent network is found and replaced before a request
        // takes it; connecting gives up as the pool's wait does instead of the drivers' longer defaults.
        config.setKeepaliveTime(30_000);
        config.setValidationTimeout(Math.min(2_000, timeoutMillis));
        if (url.startsWith("jdbc:postgresql:")) {
            config.addDataSourceProperty("connectTimeout", Math.max(1, timeoutMillis / 1000));
            config.addDataSourceProperty("tcpKeepAlive", true);
        } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            config.addDataSourceProperty("connectTimeout", timeoutMillis);
            config.addDataSourceProperty("tcpKeepAlive", true);
        }
        return new HikariDataSource(config);
    }

    /**
     * An H2 file database commits its log to disk up to {@code WRITE_DELAY} (500 ms) after a transaction returns,
     * so a crash would lose writes already answered 2xx. Unless the URL chooses a write delay itself, every commit
     * is written before it returns ({@code WRITE_DELAY=0}). In-memory databases and other vendors are left as they
     * are.
     */
    static String durable(String url) {
        boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        if (!h2File || url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /** The URL as it may appear in a log: user info and password parameters masked. */
    static String masked(String url) {
        return url.replaceAll("//[^/@]+@", "//***@")
                .replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
    }
}
