package dev.chats.app.operations;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Gives the JDBC adapter's connection pool the meter registry once the context has started, so its
 * {@code hikaricp_*} series (connections active, idle, pending, timeouts, acquire time) are scraped. The pool is
 * micronaut-jdbc-hikari's, behind micronaut-data's contextual wrapper. On MongoDB no pool exists and none is
 * created here.
 */
@Singleton
final class PoolMeters implements ApplicationEventListener<StartupEvent> {

    private final BeanProvider<DataSource> dataSource;
    private final BeanProvider<MeterRegistry> registry;

    PoolMeters(BeanProvider<DataSource> dataSource, BeanProvider<MeterRegistry> registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (!dataSource.isPresent()) {
            return;
        }
        try {
            DataSource wrapped = dataSource.get();
            if (wrapped.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = wrapped.unwrap(HikariDataSource.class);
                if (pool.getMetricRegistry() == null) {
                    pool.setMetricRegistry(registry.get());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the connection pool to meter it", e);
        }
    }
}
