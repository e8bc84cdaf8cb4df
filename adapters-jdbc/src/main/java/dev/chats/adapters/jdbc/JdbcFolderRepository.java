package dev.chats.adapters.jdbc;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.GrantedFolder;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Folders in the {@code folder} table; nesting is the {@code parent_id} column. Who a folder is shared with is in
 * {@code folder_grant}, keyed by owner and folder, and indexed by grantee for "shared with me".
 */
@Singleton
@JdbcPersistence
public final class JdbcFolderRepository implements FolderRepository {

    private final Transactions transactions;
    private final JsonColumns json;
    private final Rows rows;

    public JdbcFolderRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.json = database.json();
        this.rows = database.rows();
    }

    @Override
    public void add(Folder folder) {
        refusingTakenNames(folder, () -> transactions.inTransaction("add folder", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO folder (" + FolderRow.COLUMNS + ", sibling_key)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                    "SELECT " + FolderRow.COLUMNS + " FROM folder WHERE id = ?")) {
                query.setString(1, id.value());
                return rows.first(query, FolderRow.class).map(row -> row.toFolder(json));
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
                try (ResultSet found = query.executeQuery()) {
                    return found.next();
                }
            }
        });
    }

    @Override
    public List<Folder> findAllOwnedBy(UserId owner) {
        return transactions.read("list folders", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + FolderRow.COLUMNS + " FROM folder WHERE user_id = ? ORDER BY created_at, id")) {
                query.setString(1, owner.value());
                return rows.all(query, FolderRow.class).stream().map(row -> row.toFolder(json)).toList();
            }
        });
    }

    @Override
    public boolean update(Folder folder) {
        return refusingTakenNames(folder, () -> transactions.inTransaction("update folder", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE folder SET parent_id = ?, name = ?,"
                    + " is_expanded = ?, meta = ?, data = ?, updated_at = ?, sibling_key = ?"
                    + " WHERE id = ? AND user_id = ?")) {
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
        String in = " IN (" + SqlParameters.placeholders(values.size()) + ")";
        return transactions.inTransaction("delete folders", connection -> {
            List<String> owners = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT DISTINCT user_id FROM folder WHERE id" + in)) {
                SqlParameters.bind(query, values);
                try (ResultSet found = query.executeQuery()) {
                    while (found.next()) {
                        owners.add(found.getString(1));
                    }
                }
            }
            int deleted;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM folder WHERE id" + in)) {
                SqlParameters.bind(delete, values);
                deleted = delete.executeUpdate();
            }
            // After the folders, whose rows are now locked: a grant write that got there first is committed and
            // deleted here; one that comes later finds no folder (see replaceGrants).
            for (String owner : owners) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM folder_grant WHERE user_id = ? AND folder_id" + in)) {
                    delete.setString(1, owner);
                    for (int i = 0; i < values.size(); i++) {
                        delete.setString(i + 2, values.get(i));
                    }
                    delete.executeUpdate();
                }
            }
            return deleted;
        });
    }

    @Override
    public List<FolderGrant> grantsOf(UserId owner, FolderId folder) {
        return transactions.read("read folder grants", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + FolderGrantRow.COLUMNS
                    + " FROM folder_grant WHERE user_id = ? AND folder_id = ? ORDER BY position")) {
                query.setString(1, owner.value());
                query.setString(2, folder.value());
                return rows.all(query, FolderGrantRow.class).stream().map(FolderGrantRow::toGrant).toList();
            }
        });
    }

    @Override
    public boolean replaceGrants(UserId owner, FolderId folder, List<FolderGrant> grants) {
        return transactions.inTransaction("replace folder grants", connection -> {
            // Locks the folder, so a delete running meanwhile waits for these grants and deletes them too.
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id FROM folder WHERE id = ? AND user_id = ? FOR UPDATE")) {
                query.setString(1, folder.value());
                query.setString(2, owner.value());
                try (ResultSet found = query.executeQuery()) {
                    if (!found.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM folder_grant WHERE user_id = ? AND folder_id = ?")) {
                delete.setString(1, owner.value());
                delete.setString(2, folder.value());
                delete.executeUpdate();
            }
            if (grants.isEmpty()) {
                return true;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO folder_grant (user_id,"
                    + " folder_id, position, id, principal_type, principal_id, permission, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < grants.size(); i++) {
                    FolderGrant grant = grants.get(i);
                    insert.setString(1, owner.value());
                    insert.setString(2, folder.value());
                    insert.setInt(3, i);
                    insert.setString(4, grant.grant().id());
                    insert.setString(5, StoredNames.principal(grant.grant().principalType()));
                    insert.setString(6, grant.grant().principalId());
                    insert.setString(7, StoredNames.access(grant.grant().permission()));
                    insert.setLong(8, grant.createdAt());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return true;
        });
    }

    @Override
    public List<GrantedFolder> grantedTo(UserId grantee) {
        return transactions.read("list folders granted to a user", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + GrantedFolderRow.COLUMNS
                    + " FROM folder_grant WHERE principal_id IN (?, ?) AND principal_type = ?")) {
                query.setString(1, grantee.value());
                query.setString(2, AccessGrant.EVERYONE);
                query.setString(3, StoredNames.principal(AccessGrant.Principal.USER));
                return rows.all(query, GrantedFolderRow.class).stream().map(GrantedFolderRow::toGranted).toList();
            }
        });
    }

    private String jsonOrNull(Map<String, Object> object) {
        return object == null ? null : json.write(object);
    }
}
