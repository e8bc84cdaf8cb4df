package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;


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
        config.setJdbcUrl(url);
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
        return new HikariDataSource(config);
    }

    /** The URL as it may appear in a log: user info and password parameters masked. */
    static String masked(String url) {
        return url.replaceAll("//[^/@]+@", "//***@")
                .replaceAll("(?i)(password|pwd)=[^&;]*", "$1=***");
    }
}
