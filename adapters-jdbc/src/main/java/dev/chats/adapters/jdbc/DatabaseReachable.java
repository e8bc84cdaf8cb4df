package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.port.ConnectionUrls;
import dev.chats.domain.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Connects once to the datasource before the migrations run on it ({@link SchemaMigrationRun}): a server whose
 * database cannot be reached does not start, and says so in one line naming the URL (credentials masked) instead
 * of a stack of the pool's and the migration tool's errors.
 */
final class DatabaseReachable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReachable.class);

    private DatabaseReachable() {
    }

    /**
     * @throws StoreUnavailableException if no connection can be had within the pool's connection timeout
     */
    static void check(DataSource dataSource) {
        try {
            SqlDialect.connected(dataSource);
        } catch (JdbcAccessException e) {
            String where = dataSource instanceof HikariDataSource pool
                    ? ConnectionUrls.masked(pool.getJdbcUrl()) : "the configured datasource";
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            LOG.error("Cannot connect to the database at {}: {}", where, reason);
            throw new StoreUnavailableException("cannot connect to the database at " + where, e);
        }
    }
}
