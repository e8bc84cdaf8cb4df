package dev.chats.adapters.jdbc;

import dev.chats.domain.folder.FolderId;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Migration V6 (every dialect): each folder row keeps its parent and name as siblings compare them
 * ({@link FolderNameKey}) under a unique index led by the owner, so checking a name among siblings is one keyed
 * look-up instead of reading all the owner's folders, and two concurrent writes cannot both take a name. The key is
 * computed here in Java, not by SQL's LOWER/TRIM, whose rules differ between databases and from the server's.
 * Siblings that already share a name (earlier versions let two concurrent creates through) keep their names; the
 * later ones get their id appended to the key, so the index can be built.
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
        return "folder sibling keys";
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE folder ADD COLUMN sibling_key VARCHAR(" + FolderNameKey.LENGTH + ")");
        }
        Set<String> taken = new HashSet<>();
        Map<String, String> batch = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, user_id, parent_id, name FROM folder ORDER BY created_at, id")) {
            while (rows.next()) {
                String id = rows.getString(1);
                String parent = rows.getString(3);
                String key = FolderNameKey.of(parent == null ? null : new FolderId(parent), rows.getString(4));
                if (!taken.add(rows.getString(2) + "\n" + key)) {
                    key = key + ":" + id;
                }
                batch.put(id, key);
                if (batch.size() == BATCH) {
                    write(connection, batch);
                }
            }
        }
        write(connection, batch);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNIQUE INDEX ux_folder_user_sibling ON folder (user_id, sibling_key)");
        }
    }

    private static void write(Connection connection, Map<String, String> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE folder SET sibling_key = ? WHERE id = ?")) {
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
