package dev.chats.adapters.jdbc;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Migration V6 (every dialect): each folder row keeps its name as siblings compare it ({@link FolderNameKey}),
 * under an index led by the owner and the parent, so checking a name among siblings is one keyed look-up instead
 * of reading all the owner's folders. The key is computed here in Java, not by SQL's LOWER/TRIM, whose rules
 * differ between databases and from the one the server applies.
 */
final class FolderNameKeysMigration extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    protected void init() {
        // Version and description come from the methods below, not from the class name.
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "folder name keys for sibling checks";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE folder ADD COLUMN name_key VARCHAR(" + FolderNameKey.LENGTH + ")");
        }
        Map<String, String> batch = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, name FROM folder")) {
            while (rows.next()) {
                batch.put(rows.getString(1), FolderNameKey.of(rows.getString(2)));
                if (batch.size() == BATCH) {
                    write(connection, batch);
                }
            }
        }
        write(connection, batch);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX ix_folder_user_parent_name ON folder (user_id, parent_id, name_key)");
        }
    }

    private static void write(Connection connection, Map<String, String> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE folder SET name_key = ? WHERE id = ?")) {
            for (Map.Entry<String, String> entry : batch.entrySet()) {
                update.setString(1, entry.getValue());
                update.setString(2, entry.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        batch.clear();
    }
}
