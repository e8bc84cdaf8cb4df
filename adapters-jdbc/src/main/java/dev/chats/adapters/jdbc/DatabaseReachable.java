package dev.chats.adapters.jdbc;

import dev.chats.domain.port.ConnectionUrls;
import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.port.StoreUnavailableException;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * Connects once to the datasource as soon as it is created, before the migrations run on it: a server whose
 * database cannot be reached does not start, and says so in one line naming the URL (credentials masked) instead
 * of a stack of the pool's and the migration tool's errors.
 */
@Singleton
@JdbcPersistence
@Order(Ordered.HIGHEST_PRECEDENCE)
final class DatabaseReachable implements BeanCreatedEventListener<DataSource> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReachable.class);

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        try {
            SqlDialect.of(dataSource);
        } catch (JdbcAccessException e) {
            String where = dataSource instanceof HikariDataSource pool
                    ? ConnectionUrls.masked(pool.getJdbcUrl()) : "the configured datasource";
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            LOG.error("Cannot connect to the database at {}: {}", where, reason);
            throw new StoreUnavailableException("cannot connect to the database at " + where, e);
        }
        return dataSource;
    }
}
