package dev.chats.adapters.jdbc;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.flyway.AlternativeMigrationRunner;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for micronaut-flyway's runner of migrations on a database of their own ({@code flyway.datasources.*.url}):
 * this server migrates the database its pool points at ({@link SchemaMigrationRun}) and no other, and says so when
 * such a URL is set. Creating that runner, an intercepted bean with the interceptor of its asynchronous mode, was
 * about 5 % of the main thread's start-up.
 */
@Singleton
@JdbcPersistence
@Replaces(AlternativeMigrationRunner.class)
final class NoSeparateMigrationDatabase implements BeanCreatedEventListener<FlywayConfigurationProperties> {

    private static final Logger LOG = LoggerFactory.getLogger(NoSeparateMigrationDatabase.class);

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        FlywayConfigurationProperties flyway = event.getBean();
        if (flyway.isEnabled() && flyway.hasAlternativeDatabaseConfiguration()) {
            LOG.warn("flyway.datasources.{}.url is ignored: the schema is migrated where datasources.{} points",
                    flyway.getNameQualifier(), flyway.getNameQualifier());
        }
        return flyway;
    }
}
