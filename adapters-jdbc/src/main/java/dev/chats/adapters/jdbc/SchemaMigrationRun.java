package dev.chats.adapters.jdbc;

import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.naming.NameResolver;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.flyway.DataSourceMigrationRunner;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Migrates the schema as micronaut-flyway's own runner would ({@code flyway.datasources.default}, customised by
 * {@link JdbcMigrations}), but on a thread of its own from the moment the pool exists, so the rest of the start-up
 * is built meanwhile instead of after it; the thread first connects once ({@link DatabaseReachable}), which on a
 * new H2 file creates the database, so the start does not wait for that either (without a migration, the check runs
 * at once, on the thread creating the pool). Whatever needs the schema waits for it: every unit of work
 * ({@link Transactions}), and the start of the context ({@link SchemaAwaited}) unless the application says it waits
 * itself ({@value #AWAITED_BY_APPLICATION}): the server then opens its port while the database is migrated, its
 * readiness says DOWN until the migration ends ({@link #migrating()}), and the application stops the process if it
 * fails. A failed check or migration fails each of them, so a server whose database cannot be reached or whose
 * schema cannot be migrated does not keep running, and no request is answered on an incomplete schema.
 */
@Singleton
@JdbcPersistence
@Replaces(DataSourceMigrationRunner.class)
public final class SchemaMigrationRun implements BeanCreatedEventListener<DataSource> {

    /**
     * Set by an application that awaits the migration itself ({@link #awaitMigrated()}) once its HTTP server has
     * started: the context's start does not wait for it.
     */
    public static final String AWAITED_BY_APPLICATION = "chats.jdbc.schema-awaited-by-application";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrationRun.class);

    private final BeanLocator beans;
    private volatile CompletableFuture<Void> migrated = CompletableFuture.completedFuture(null);

    SchemaMigrationRun(BeanLocator beans) {
        this.beans = beans;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        String name = event.getBeanDefinition() instanceof NameResolver resolver
                ? resolver.resolveName().orElse(JdbcMigrations.DATASOURCE) : JdbcMigrations.DATASOURCE;
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        Optional<FlywayConfigurationProperties> migration =
                beans.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(name))
                        .filter(FlywayConfigurationProperties::isEnabled);
        if (migration.isPresent()) {
            start(migration.get(), pool);
        } else {
            DatabaseReachable.check(pool);
        }
        return dataSource;
    }

    /** Whether the migration is still running (false once it has ended, whether it succeeded or failed). */
    public boolean migrating() {
        return !migrated.isDone();
    }

    /**
     * Returns once the schema is migrated (at once after that, or when no migration runs).
     *
     * @throws IllegalStateException if the migration failed, with its failure as the cause
     */
    public void awaitMigrated() {
        CompletableFuture<Void> run = migrated;
        if (run.isDone() && !run.isCompletedExceptionally()) {
            return;
        }
        try {
            run.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the schema migration failed: " + cause.getMessage(), cause);
        }
    }

    private synchronized void start(FlywayConfigurationProperties config, DataSource dataSource) {
        // Looked up here, on the thread building the context: the migration thread only talks to the database.
        Optional<FlywayConfigurationCustomizer> customizer =
                beans.findBean(FlywayConfigurationCustomizer.class, Qualifiers.byName(config.getNameQualifier()));
        CompletableFuture<Void> run = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                DatabaseReachable.check(dataSource);
                migrate(config, customizer, dataSource);
                run.complete(null);
            } catch (Throwable e) {
                run.completeExceptionally(e);
            }
        }, "schema-migration");
        thread.setDaemon(true);
        migrated = CompletableFuture.allOf(migrated, run);
        thread.start();
    }

    private static void migrate(FlywayConfigurationProperties config,
                                Optional<FlywayConfigurationCustomizer> customizer, DataSource dataSource) {
        FluentConfiguration fluent = config.getFluentConfiguration().cleanDisabled(!config.isCleanSchema())
                .dataSource(dataSource).configuration(config.getProperties());
        customizer.ifPresent(it -> it.customizeFluentConfiguration(fluent));
        Flyway flyway = fluent.load();
        if (config.isCleanSchema()) {
            LOG.info("Cleaning schema for database with qualifier [{}]", config.getNameQualifier());
            flyway.clean();
        }
        LOG.info("Running migrations for database with qualifier [{}]", config.getNameQualifier());
        flyway.migrate();
    }
}
