package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema is migrated on a thread of its own beside the start-up (SchemaMigrationRun); a migration that fails
 * still fails the start, naming the failure, instead of leaving a context that answers on an incomplete schema.
 */
class FailedMigrationTest {

    @Test
    void aMigrationThatCannotRun_failsTheStartWithItsReason() throws SQLException {
        try (HikariDataSource pool = TestDatabase.emptyDataSource(TestDatabase.Vendor.H2)) {
            // A table of the first migration already there, without Flyway's history: V1 cannot create it.
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE app_user (id VARCHAR(64) PRIMARY KEY)");
            }

            assertThatThrownBy(() -> TestDatabase.migrated(pool))
                    .hasStackTraceContaining("the schema migration failed");
        }
    }
}
