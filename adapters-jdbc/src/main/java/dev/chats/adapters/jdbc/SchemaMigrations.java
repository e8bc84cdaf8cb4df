package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.MariaDbSearchGramsMigration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

import javax.sql.DataSource;

/** The schema migrations of one database: where they are, which run as code, and the history table they keep. */
final class SchemaMigrations {

    private SchemaMigrations() {
    }

    /** Flyway set up for the database; {@code schema} (may be null or empty) is created if missing. */
    static Flyway of(DataSource dataSource, SqlDialect dialect, String schema) {
        return configure(Flyway.configure().dataSource(dataSource), dialect, schema).load();
    }

    /** Sets the dialect's locations, its migrations written as code, the history table and the schema. */
    static FluentConfiguration configure(FluentConfiguration flyway, SqlDialect dialect, String schema) {
        if (schema != null && !schema.isEmpty()) {
            flyway.schemas(schema).createSchemas(true);
        }
        return flyway.locations(dialect.migrationLocation())
                .javaMigrations(dialect == SqlDialect.MARIADB
                        ? new JavaMigration[]{new MariaDbSearchGramsMigration(), new FolderNameKeysMigration()}
                        : new JavaMigration[]{new FolderNameKeysMigration()})
                .table("chats_schema_history");
    }
}
