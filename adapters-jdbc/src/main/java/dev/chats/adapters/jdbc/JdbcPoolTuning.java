package dev.chats.adapters.jdbc;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Tunes the pool micronaut-jdbc-hikari builds from {@code datasources.default} ({@code DATASOURCES_DEFAULT_URL},
 * {@code _USERNAME}, {@code _PASSWORD}, {@code _SCHEMA}, {@code _MAXIMUM_POOL_SIZE}) before it opens: bounded waits
 * so an unreachable database answers 503 instead of hanging, keep-alive pings, a durable H2 file. The pool never
 * fails on its own at start-up: {@link DatabaseReachable} checks the connection and reports it in one line.
 */
@Singleton
@JdbcPersistence
final class JdbcPoolTuning implements BeanCreatedEventListener<DatasourceConfiguration> {

    private final JdbcSettings settings;

    JdbcPoolTuning(JdbcSettings settings) {
        this.settings = settings;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration pool = event.getBean();
        long timeoutMillis = settings.connectionTimeoutMillis();
        String url = pool.getJdbcUrl();
        pool.setPoolName("chats");
        pool.setJdbcUrl(JdbcUrls.durable(url));
        // Empty values (as the move command passes them) mean "none", not an empty user name or schema.
        if (pool.getUsername() != null && pool.getUsername().isEmpty()) {
            pool.setUsername(null);
        }
        if (pool.getSchema() != null && pool.getSchema().isEmpty()) {
            pool.setSchema(null);
        }
        // Connections are checked with the driver's own isValid, not a query the module picks per vendor.
        pool.setConnectionTestQuery(null);
        // A request waits this long for a connection before it answers 503, instead of hanging while the
        // database is away; the pool reconnects by itself once it is back.
        pool.setConnectionTimeout(timeoutMillis);
        pool.setInitializationFailTimeout(-1);
        // Idle connections are pinged, so one broken by a silent network is found and replaced before a request
        // takes it; connecting gives up as the pool's wait does instead of the drivers' longer defaults.
        pool.setKeepaliveTime(30_000);
        pool.setValidationTimeout(Math.min(2_000, timeoutMillis));
        if (url.startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("connectTimeout", Math.max(1, timeoutMillis / 1000));
            pool.addDataSourceProperty("tcpKeepAlive", true);
        } else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            pool.addDataSourceProperty("connectTimeout", timeoutMillis);
            pool.addDataSourceProperty("tcpKeepAlive", true);
        }
        return pool;
    }
}
