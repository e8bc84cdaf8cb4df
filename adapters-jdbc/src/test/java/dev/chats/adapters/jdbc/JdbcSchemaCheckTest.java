package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema check tells an empty, current and newer database apart without changing it, and names a bad one. */
class JdbcSchemaCheckTest {

    @Test
    void anEmptyDatabaseIsEmptyAndStaysSo() {
        try (HikariDataSource pool = TestDatabase.emptyDataSource(TestDatabase.Vendor.H2)) {
            assertThat(inspect(pool).state()).isEqualTo(JdbcSchemaCheck.State.EMPTY);
            assertThat(inspect(pool).state()).isEqualTo(JdbcSchemaCheck.State.EMPTY);
        }
    }

    @Test
    void aMigratedDatabaseIsCurrent_andOneWithAMigrationUnknownHereIsNewer() throws SQLException {
        try (HikariDataSource pool = TestDatabase.emptyDataSource(TestDatabase.Vendor.H2)) {
            TestDatabase.migrated(pool);
            JdbcSchemaCheck.Result current = inspect(pool);
            assertThat(current.state()).isEqualTo(JdbcSchemaCheck.State.CURRENT);
            assertThat(current.applied()).isEqualTo(current.latest());

            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO chats_schema_history (installed_rank, version, description, type,"
                        + " script, checksum, installed_by, installed_on, execution_time, success) VALUES (999,"
                        + " '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 0, 'test',"
                        + " CURRENT_TIMESTAMP, 0, TRUE)");
            }
            assertThat(inspect(pool).state()).isEqualTo(JdbcSchemaCheck.State.NEWER);
        }
    }

    @Test
    void anUnreachableDatabaseIsNamedInOneLine() {
        assertThatThrownBy(() -> JdbcSchemaCheck.inspect("jdbc:postgresql://127.0.0.1:1/none", "u", "secret", null))
                .isInstanceOf(JdbcSchemaCheck.Unreachable.class)
                .hasMessageStartingWith("cannot connect to jdbc:postgresql://127.0.0.1:1/none: ")
                .hasMessageNotContaining("\n").hasMessageNotContaining("secret");
    }

    private static JdbcSchemaCheck.Result inspect(HikariDataSource pool) {
        return JdbcSchemaCheck.inspect(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword(), null);
    }
}
