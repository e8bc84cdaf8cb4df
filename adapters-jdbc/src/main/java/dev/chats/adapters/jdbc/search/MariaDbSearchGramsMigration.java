package dev.chats.adapters.jdbc.search;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * MariaDB V3: {@link SearchGrams} of each message in {@code chat_message_search} and of each chat's title and legacy
 * messages in {@code chat.search_grams}, both under full-text indexes, and {@code chat_message_search_pending}, the
 * messages whose grams {@link MariaDbSearchIndexer} has still to write: every message already there, to begin with.
 * Java rather than SQL because the chats' grams are computed here, the same way every later write computes them.
 *
 * <p>MariaDB commits DDL implicitly, so the migration cannot run in one transaction; instead every step checks
 * what is already done, and a run interrupted half-way finishes on the next start.
 */
public final class MariaDbSearchGramsMigration extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    protected void init() {
        // Version and description come from the methods below, not from the class name.
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "search grams under full-text indexes";
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        execute(connection, "CREATE TABLE IF NOT EXISTS chat_message_search ("
                + " chat_id VARCHAR(64) NOT NULL, message_id VARCHAR(255) NOT NULL, grams LONGTEXT NOT NULL,"
                + " CONSTRAINT pk_chat_message_search PRIMARY KEY (chat_id, message_id),"
                + " CONSTRAINT fk_chat_message_search_message FOREIGN KEY (chat_id, message_id)"
                + " REFERENCES chat_message (chat_id, message_id) ON DELETE CASCADE"
                + ") ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin");
        execute(connection, "CREATE TABLE IF NOT EXISTS chat_message_search_pending ("
                + " chat_id VARCHAR(64) NOT NULL, message_id VARCHAR(255) NOT NULL, written_at BIGINT NOT NULL,"
                + " CONSTRAINT pk_chat_message_search_pending PRIMARY KEY (chat_id, message_id),"
                + " CONSTRAINT fk_chat_message_search_pending_message FOREIGN KEY (chat_id, message_id)"
                + " REFERENCES chat_message (chat_id, message_id) ON DELETE CASCADE,"
                + " INDEX ix_chat_message_search_pending_written (written_at)"
                + ") ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin");
        addColumnIfMissing(connection, "chat", "search_grams");
        // The indexer writes their grams after start-up (search scans them meanwhile), so the upgrade of a large
        // database does not hold the start for the minutes the grams take.
        execute(connection, "INSERT IGNORE INTO chat_message_search_pending (chat_id, message_id, written_at)"
                + " SELECT m.chat_id, m.message_id, 0 FROM chat_message m LEFT JOIN chat_message_search s"
                + " ON s.chat_id = m.chat_id AND s.message_id = m.message_id WHERE s.chat_id IS NULL");
        fillChatGrams(connection);
        addFullTextIndexIfMissing(connection, "chat_message_search", "ix_chat_message_search_grams", "grams");
        addFullTextIndexIfMissing(connection, "chat", "ix_chat_search_grams", "search_grams");
    }

    private static void addColumnIfMissing(Connection connection, String table, String column) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = ? AND column_name = ?", table, column)) {
            execute(connection, "ALTER TABLE " + table + " ADD COLUMN " + column + " LONGTEXT");
        }
    }

    private static void addFullTextIndexIfMissing(Connection connection, String table, String index, String column)
            throws SQLException {
        if (!exists(connection, "SELECT 1 FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND table_name = ? AND index_name = ?", table, index)) {
            execute(connection, "CREATE FULLTEXT INDEX " + index + " ON " + table + " (" + column + ")");
        }
    }

    /** Walks chat in primary-key order, a batch per transaction, filling the rows without grams. */
    private static void fillChatGrams(Connection connection) throws SQLException {
        String after = "";
        while (true) {
            List<String> ids = new ArrayList<>(BATCH);
            List<String> grams = new ArrayList<>(BATCH);
            int seen = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT id, title, legacy_text,"
                    + " search_grams IS NULL, user_id FROM chat WHERE id > ? ORDER BY id LIMIT " + BATCH)) {
                select.setString(1, after);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        seen++;
                        after = rows.getString(1);
                        if (rows.getBoolean(4)) {
                            ids.add(after);
                            grams.add(SearchGrams.of(rows.getString(5), rows.getString(2), rows.getString(3)));
                        }
                    }
                }
            }
            inOneTransaction(connection, "UPDATE chat SET search_grams = ? WHERE id = ?", ids.size(), (update, i) -> {
                update.setString(1, grams.get(i));
                update.setString(2, ids.get(i));
            });
            if (seen < BATCH) {
                return;
            }
        }
    }

    @FunctionalInterface
    private interface RowBinder {
        void bind(PreparedStatement statement, int row) throws SQLException;
    }

    private static void inOneTransaction(Connection connection, String sql, int rows, RowBinder binder)
            throws SQLException {
        if (rows == 0) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                binder.bind(statement, i);
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean exists(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
