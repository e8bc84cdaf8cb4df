package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Points the migration run on {@code datasources.default} ({@link SchemaMigrationRun},
 * {@code flyway.datasources.default.enabled}) at the migrations of the dialect found behind the datasource at
 * start-up: one build serves every dialect.
 */
@Singleton
@Named(JdbcMigrations.DATASOURCE)
@JdbcPersistence
final class JdbcMigrations implements FlywayConfigurationCustomizer {

    static final String DATASOURCE = "default";

    @Override
    public void customizeFluentConfiguration(FluentConfiguration flyway) {
        String schema = flyway.getDataSource() instanceof HikariDataSource pool ? pool.getSchema() : null;
        SchemaMigrations.configure(flyway, SqlDialect.of(flyway.getDataSource()), schema);
    }

    @Override
    public String getName() {
        return DATASOURCE;
    }
}
