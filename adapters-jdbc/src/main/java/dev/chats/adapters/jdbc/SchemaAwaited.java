package dev.chats.adapters.jdbc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.EmbeddedApplication;
import jakarta.inject.Singleton;

/**
 * Where the start-up waits for the {@link SchemaMigrationRun}. By default at the end of the context's start, so a
 * context started without a server (a tool, a test reading the tables through a pool of its own) finds the schema
 * complete. An application that starts its HTTP server right after
({@value SchemaMigrationRun#AWAITED_BY_SERVER}) waits there instead,
 * when the server has been built and before it opens its port: the router and the server are built while the
 * database is migrated, and still no request is answered before the schema is complete.
 */
final class SchemaAwaited {

    private SchemaAwaited() {
    }

    @Singleton
    @JdbcPersistence
    @Requires(property = SchemaMigrationRun.AWAITED_BY_SERVER, notEquals = "true")
    static final class AtContextStart implements ApplicationEventListener<StartupEvent> {

        private final SchemaMigrationRun migration;

        AtContextStart(SchemaMigrationRun migration) {
            this.migration = migration;
        }

        @Override
        public void onApplicationEvent(StartupEvent event) {
            migration.awaitMigrated();
        }
    }

    @Singleton
    @JdbcPersistence
    @Requires(property = SchemaMigrationRun.AWAITED_BY_SERVER, value = "true")
    static final class BeforeServer implements BeanCreatedEventListener<EmbeddedApplication<?>> {

        private final SchemaMigrationRun migration;

        BeforeServer(SchemaMigrationRun migration) {
            this.migration = migration;
        }

        @Override
        public EmbeddedApplication<?> onCreated(BeanCreatedEvent<EmbeddedApplication<?>> event) {
            migration.awaitMigrated();
            return event.getBean();
        }
    }
}
