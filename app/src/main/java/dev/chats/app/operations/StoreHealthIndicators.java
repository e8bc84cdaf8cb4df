package dev.chats.app.operations;

import dev.chats.adapters.jdbc.JdbcDatabase;
import dev.chats.adapters.mongo.MongoStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Readiness of the chosen store ({@code store}): a ping through the adapter, with the adapter's own bounds and
 * outage breaker, so readiness turns DOWN as soon as requests would answer 503 and UP once they would not; DOWN
 * with {@code "schema": "migrating"} while the SQL schema is migrated at start-up, which the port does not wait
 * for. Only the chosen adapter's check exists: on MongoDB nothing here touches a JDBC pool, and the other way round.
 */
@Factory
final class StoreHealthIndicators {

    static final String NAME = "store";

    @Singleton
    @Requires(property = "chats.persistence", value = "jdbc", defaultValue = "jdbc")
    HealthIndicator sqlStore(JdbcDatabase database, BlockingProbe probe) {
        String kind = database.dialect().name().toLowerCase(Locale.ROOT);
        return () -> database.migrating() ? Mono.just(migrating(kind))
                : probe.run(NAME, HealthStatus.DOWN, () -> check(kind, database::ping));
    }

    @Singleton
    @Requires(property = "chats.persistence", value = "mongo")
    HealthIndicator mongoStore(MongoStore store, BlockingProbe probe) {
        return () -> probe.run(NAME, HealthStatus.DOWN, () -> check("mongodb", store::ping));
    }

    /** Answered at once: a ping would wait for the migration, as every unit of work does. */
    private static HealthResult migrating(String kind) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("database", kind);
        details.put("schema", "migrating");
        return HealthResult.builder(NAME, HealthStatus.DOWN).details(details).build();
    }

    private static HealthResult check(String kind, Runnable ping) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("database", kind);
        try {
            ping.run();
            return HealthResult.builder(NAME, HealthStatus.UP).details(details).build();
        } catch (RuntimeException e) {
            details.put("error", e.getMessage());
            return HealthResult.builder(NAME, HealthStatus.DOWN).details(details).build();
        }
    }
}
