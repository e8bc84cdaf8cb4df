package dev.chats.adapters.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;

/**
 * Where the start-up waits for the {@link SchemaMigrationRun}: at the end of the context's start, so a context
 * started without a server (a tool, a test reading the tables through a pool of its own) finds the schema complete.
 * An application that starts its HTTP server ({@value SchemaMigrationRun#AWAITED_BY_APPLICATION}) awaits the
 * migration itself once the server has started, and no listener here exists.
 */
@Singleton
@JdbcPersistence
@Requires(property = SchemaMigrationRun.AWAITED_BY_APPLICATION, notEquals = "true")
final class SchemaAwaited implements ApplicationEventListener<StartupEvent> {

    private final SchemaMigrationRun migration;

    SchemaAwaited(SchemaMigrationRun migration) {
        this.migration = migration;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        migration.awaitMigrated();
    }
}
