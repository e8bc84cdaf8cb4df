package dev.chats.app.operations;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Gives the JDBC adapter's connection pool the meter registry once the context has started, so its
 * {@code hikaricp_*} series (connections active, idle, pending, timeouts, acquire time) are scraped. On MongoDB no
 * pool exists and none is created here.
 */
@Singleton
final class PoolMeters implements ApplicationEventListener<StartupEvent> {

    private final BeanProvider<HikariDataSource> pool;
    private final BeanProvider<MeterRegistry> registry;

    PoolMeters(BeanProvider<HikariDataSource> pool, BeanProvider<MeterRegistry> registry) {
        this.pool = pool;
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (pool.isPresent() && pool.get().getMetricRegistry() == null) {
            pool.get().setMetricRegistry(registry.get());
        }
    }
}
