package dev.chats.adapters.jdbc;

import dev.chats.testsupport.SilentServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the application awaits the migration itself ({@link SchemaMigrationRun#AWAITED_BY_APPLICATION}, as the
 * server does so that its port opens meanwhile), the context starts while the migration still runs, says so, and
 * the failure reaches whoever awaits it.
 */
class MigrationAwaitedByApplicationTest {

    @Test
    void theContextStartsWhileTheMigrationRuns_whichSaysSo_untilItsFailureEndsIt() throws IOException {
        try (SilentServer database = new SilentServer();
             ApplicationContext context = ApplicationContext.run(Map.of(
                     "datasources.default.url", database.postgresUrl(),
                     "datasources.default.connection-timeout-millis", "5000",
                     "flyway.datasources.default.enabled", true,
                     SchemaMigrationRun.AWAITED_BY_APPLICATION, "true"))) {
            // The database's silence holds the migration for the 5 s the pool waits: far longer than the start.
            JdbcDatabase jdbc = context.getBean(JdbcDatabase.class);
            SchemaMigrationRun migration = context.getBean(SchemaMigrationRun.class);

            assertThat(jdbc.migrating()).isTrue();
            assertThatThrownBy(migration::awaitMigrated).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the schema migration failed")
                    .hasMessageContaining("cannot connect to the database at " + database.postgresUrl());
            assertThat(jdbc.migrating()).isFalse();
        }
    }

    @Test
    void withoutTheSetting_theContextsStartAwaitsTheMigration_andFailsWithIt() throws IOException {
        try (SilentServer database = new SilentServer()) {
            assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                    "datasources.default.url", database.postgresUrl(),
                    "datasources.default.connection-timeout-millis", "1000",
                    "flyway.datasources.default.enabled", true)).close())
                    .hasStackTraceContaining("the schema migration failed")
                    .hasStackTraceContaining("cannot connect to the database at " + database.postgresUrl());
        }
    }
}
