package dev.chats.adapters.jdbc;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Folders in the {@code folder} table; nesting is the {@code parent_id} column. */
@Singleton
@JdbcPersistence
public final class JdbcFolderRepository implements FolderRepository {

    private static final String COLUMNS =
            "id, user_id, parent_id, name, is_expanded, meta, data, created_at, updated_at";

    private final Transactions transactions;
    private final JsonColumns json;

    public JdbcFolderRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.json = database.json();
    }

    @Override
    public void add(Folder folder) {
        refusingTakenNames(folder, () -> transactions.inTransaction("add folder", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO folder (" + COLUMNS + ", sibling_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, folder.id().value());
                insert.setString(2, folder.ownerId().value());
                insert.setString(3, folder.parent().map(FolderId::value).orElse(null));
                insert.setString(4, folder.name());
                insert.setBoolean(5, folder.expanded());
                insert.setString(6, jsonOrNull(folder.meta()));
                insert.setString(7, jsonOrNull(folder.data()));
                insert.setLong(8, folder.createdAt());
                insert.setLong(9, folder.updatedAt());
                insert.setString(10, FolderNameKey.of(folder.parentId(), folder.name()));
                insert.executeUpdate();
            }
            return null;
        }));
    }

    /** Runs the write; the unique sibling key refusing it means a sibling took the name first. */
    private static <T> T refusingTakenNames(Folder folder, Supplier<T> write) {
        try {
            return write.get();
        } catch (JdbcAccessException e) {
            if (Transactions.violatesIntegrity(e.getCause())) {
                throw new FolderNameConflictException(folder.name());
            }
            throw e;
        }
    }

    @Override
    public Optional<Folder> findById(FolderId id) {
        return transactions.read("find folder", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM folder WHERE id = ?")) {
                query.setString(1, id.value());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(folder(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean siblingNamed(UserId owner, FolderId parent, String name, FolderId except) {
        return transactions.read("check folder name", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM folder WHERE user_id = ? AND sibling_key = ? AND id <> ?")) {
                query.setString(1, owner.value());
                query.setString(2, FolderNameKey.of(parent, name));
                query.setString(3, except.value());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public List<Folder> findAllOwnedBy(UserId owner) {
        return transactions.read("list folders", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM folder WHERE user_id = ? ORDER BY created_at, id")) {
                query.setString(1, owner.value());
                List<Folder> folders = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        folders.add(folder(rows));
                    }
                }
                return folders;
            }
        });
    }

    @Override
    public boolean update(Folder folder) {
        return refusingTakenNames(folder, () -> transactions.inTransaction("update folder", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE folder SET parent_id = ?, name = ?,"
                    + " is_expanded = ?, meta = ?, data = ?, updated_at = ?, sibling_key = ? WHERE id = ? AND user_id = ?")) {
                update.setString(1, folder.parent().map(FolderId::value).orElse(null));
                update.setString(2, folder.name());
                update.setBoolean(3, folder.expanded());
                update.setString(4, jsonOrNull(folder.meta()));
                update.setString(5, jsonOrNull(folder.data()));
                update.setLong(6, folder.updatedAt());
                update.setString(7, FolderNameKey.of(folder.parentId(), folder.name()));
                update.setString(8, folder.id().value());
                update.setString(9, folder.ownerId().value());
                return update.executeUpdate() == 1;
            }
        }));
    }

    @Override
    public int deleteAll(Collection<FolderId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> values = ids.stream().map(FolderId::value).distinct().sorted().toList();
        return transactions.inTransaction("delete folders", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM folder WHERE id IN ("
                    + SqlParameters.placeholders(values.size()) + ")")) {
                SqlParameters.bind(delete, values);
                return delete.executeUpdate();
            }
        });
    }

    private String jsonOrNull(Map<String, Object> object) {
        return object == null ? null : json.write(object);
    }

    private Folder folder(ResultSet row) throws SQLException {
        String parent = row.getString("parent_id");
        return new Folder(new FolderId(row.getString("id")), new UserId(row.getString("user_id")),
                parent == null ? null : new FolderId(parent), row.getString("name"), row.getBoolean("is_expanded"),
                json.readObject(row.getString("meta")), json.readObject(row.getString("data")),
                row.getLong("created_at"), row.getLong("updated_at"));
    }
}
