package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new H2 database is created by the baseline migration {@code B16__h2_schema.sql} alone, and it holds exactly the
 * schema that replaying V1-V16 (V6 written as code) gives: every statement of H2's own {@code SCRIPT NODATA} of the
 * two is the same, the schema history's aside. A database already at an earlier version ignores the baseline.
 */
class H2BaselineMigrationTest {

    @Test
    void newDatabase_isCreatedByTheBaselineAlone_withTheSchemaTheMigrationsGive() throws SQLException {
        try (HikariDataSource baseline = TestDatabase.emptyDataSource(TestDatabase.Vendor.H2);
             HikariDataSource replayed = TestDatabase.emptyDataSource(TestDatabase.Vendor.H2)) {
            Flyway fromBaseline = SchemaMigrations.of(baseline, SqlDialect.H2, null);
            fromBaseline.migrate();
            TestDatabase.replayedUpTo(replayed, SqlDialect.H2, "latest");

            List<MigrationInfo> applied = Arrays.asList(fromBaseline.info().applied());
            assertThat(applied).hasSize(1);
            assertThat(applied.get(0).getVersion().getVersion()).isEqualTo("16");
            assertThat(applied.get(0).getType().isBaseline()).isTrue();
            assertThat(schema(baseline)).isNotEmpty().isEqualTo(schema(replayed));
        }
    }

    @Test
    void databaseAtAnEarlierVersion_ignoresTheBaselineAndGoesOnFromItsVersion() throws SQLException {
        try (HikariDataSource dataSource = TestDatabase.emptyDataSource(TestDatabase.Vendor.H2)) {
            TestDatabase.replayedUpTo(dataSource, SqlDialect.H2, "13");

            Flyway flyway = SchemaMigrations.of(dataSource, SqlDialect.H2, null);
            flyway.migrate();

            List<String> applied = Arrays.stream(flyway.info().applied())
                    .map(info -> info.getVersion().getVersion()).toList();
            assertThat(applied).containsExactly("1", "2", "5", "6", "7", "8", "9", "11", "12", "13", "16");
            assertThat(Arrays.stream(flyway.info().applied()).noneMatch(info -> info.getType().isBaseline()))
                    .isTrue();
        }
    }

    /** The statements of H2's script of the schema, without the schema history, comments and settings. */
    private static TreeSet<String> schema(HikariDataSource dataSource) throws SQLException {
        TreeSet<String> statements = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet script = statement.executeQuery("SCRIPT NODATA NOSETTINGS")) {
            while (script.next()) {
                String line = script.getString(1).strip();
                if (!line.startsWith("--") && !line.startsWith("CREATE USER")
                        && !line.contains("chats_schema_history")) {
                    statements.add(line);
                }
            }
        }
        return statements;
    }
}
