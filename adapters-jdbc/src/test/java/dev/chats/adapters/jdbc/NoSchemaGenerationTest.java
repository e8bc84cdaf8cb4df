package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.config.SchemaGenerator;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * micronaut-data's schema generator is replaced: the migrations alone make the schema, even when
 * {@code datasources.default.schema-generate} asks for generated tables.
 */
class NoSchemaGenerationTest {

    @Test
    void theGeneratorIsNotCreated_andASchemaGenerateSettingCreatesNothing() throws SQLException {
        try (HikariDataSource pool = TestDatabase.emptyDataSource(TestDatabase.Vendor.H2);
             ApplicationContext context = ApplicationContext.run(Map.of(
                     "datasources.default.url", pool.getJdbcUrl(),
                     "datasources.default.username", pool.getUsername(),
                     "datasources.default.password", pool.getPassword() == null ? "" : pool.getPassword(),
                     "flyway.datasources.default.enabled", true,
                     NoSchemaGeneration.SETTING, "CREATE_DROP"))) {
            context.getBean(SchemaMigrationRun.class).awaitMigrated();

            assertThat(context.getBeansOfType(SchemaGenerator.class)).singleElement()
                    .isInstanceOf(NoSchemaGeneration.class);
            assertThat(tables(pool)).isEqualTo(tablesOfAFreshMigration());
        }
    }

    private static long tablesOfAFreshMigration() throws SQLException {
        try (HikariDataSource pool = TestDatabase.emptyDataSource(TestDatabase.Vendor.H2)) {
            TestDatabase.migrated(pool);
            return tables(pool);
        }
    }

    private static long tables(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            long count = 0;
            while (rows.next()) {
                if (!"INFORMATION_SCHEMA".equalsIgnoreCase(rows.getString("TABLE_SCHEM"))) {
                    count++;
                }
            }
            return count;
        }
    }
}
