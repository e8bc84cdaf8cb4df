package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrading an H2 database to V16: values written as CLOBs, long enough that H2 kept them in its LOB maps, read back
 * the same from the CHARACTER VARYING columns that replace them; no CLOB column is left.
 */
class H2TextColumnsMigrationTest {

    private static final String LONG = "Ünïcode ✓ and a long text ".repeat(2_000);

    @Test
    void clobValuesOfEarlierVersions_readBackTheSame_andNoClobColumnIsLeft() throws SQLException {
        try (HikariDataSource dataSource = TestDatabase.emptyDataSource(TestDatabase.Vendor.H2)) {
            TestDatabase.replayedUpTo(dataSource, SqlDialect.H2, "13");
            try (Connection connection = dataSource.getConnection()) {
                execute(connection, "INSERT INTO app_user (id, name, email, role, password_hash, profile_image_url,"
                        + " created_at, updated_at) VALUES ('u1', 'Ada', 'ada@example.com', 'user', 'h', ?, 1, 1)",
                        "data:image/png;base64," + LONG);
                execute(connection, "INSERT INTO chat (id, user_id, title, body, created_at, updated_at, archived,"
                        + " pinned, meta, version, legacy_text) VALUES ('c1', 'u1', 't', ?, 1, 1, FALSE, FALSE,"
                        + " '{}', 1, ?)", "{\"title\":\"" + LONG + "\"}", LONG);
                execute(connection, "INSERT INTO chat_message (chat_id, message_id, position, parent_id,"
                        + " content_text, body) VALUES ('c1', 'm1', 0, NULL, ?, ?)", LONG,
                        "{\"content\":\"" + LONG + "\"}");
                execute(connection, "INSERT INTO chat_message (chat_id, message_id, position, parent_id,"
                        + " content_text, body) VALUES ('c1', 'm2', 1, 'm1', '', '{}')");
            }

            TestDatabase.migrated(dataSource);

            try (Connection connection = dataSource.getConnection()) {
                assertThat(strings(connection, "SELECT profile_image_url FROM app_user"))
                        .containsExactly("data:image/png;base64," + LONG);
                assertThat(strings(connection, "SELECT body FROM chat"))
                        .containsExactly("{\"title\":\"" + LONG + "\"}");
                assertThat(strings(connection, "SELECT legacy_text FROM chat")).containsExactly(LONG);
                assertThat(strings(connection, "SELECT body FROM chat_message ORDER BY position"))
                        .containsExactly("{\"content\":\"" + LONG + "\"}", "{}");
                assertThat(strings(connection, "SELECT content_text FROM chat_message ORDER BY position"))
                        .containsExactly(LONG, "");
                assertThat(strings(connection, "SELECT table_name || '.' || column_name FROM"
                        + " information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                        + " AND LOWER(data_type) = 'character large object'")).isEmpty();
            }
        }
    }

    private static void execute(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }
}
