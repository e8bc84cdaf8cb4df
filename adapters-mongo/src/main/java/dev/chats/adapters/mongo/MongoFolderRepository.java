package dev.chats.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.GrantedFolder;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.search.FolderNames;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Persistence adapter: stores folders in MongoDB's {@code folders}; nesting is the {@code parentId} field. Who a
 * folder is shared with is one document per folder in {@code folder_grants}, replaced whole.
 */
@Singleton
@MongoPersistence
public final class MongoFolderRepository implements FolderRepository {

    private final MongoStore store;
    private final MongoCollection<BsonDocument> folders;
    private final MongoCollection<BsonDocument> grants;

    public MongoFolderRepository(MongoStore store) {
        this.store = store;
        this.folders = store.collection(MongoStore.FOLDERS);
        this.grants = store.collection(MongoStore.FOLDER_GRANTS);
    }

    @Override
    public void add(Folder folder) {
        store.call("add folder", () -> {
            BsonDocument document = new BsonDocument("_id", new BsonString(folder.id().value()))
                    .append("userId", new BsonString(folder.ownerId().value()));
            fields(folder).forEach(document::append);
            document.append("createdAt", new BsonInt64(folder.createdAt()));
            refusingTakenNames(folder, () -> folders.insertOne(document));
            return null;
        });
    }

    @Override
    public Optional<Folder> findById(FolderId id) {
        return store.call("find folder", () ->
                Optional.ofNullable(folders.find(Filters.eq("_id", id.value())).first())
                        .map(MongoFolderRepository::folder));
    }

    @Override
    public boolean siblingNamed(UserId owner, FolderId parent, String name, FolderId except) {
        return store.call("check folder name", () -> folders.find(Filters.and(
                        Filters.eq("userId", owner.value()),
                        Filters.eq("parentId", parent == null ? null : parent.value()),
                        Filters.eq("nameKey", FolderNames.key(name)),
                        Filters.ne("_id", except.value())))
                .projection(Projections.include("_id")).limit(1).first() != null);
    }

    @Override
    public List<Folder> findAllOwnedBy(UserId owner) {
        return store.call("list folders", () -> folders.find(Filters.eq("userId", owner.value()))
                .sort(Sorts.ascending("createdAt", "_id")).map(MongoFolderRepository::folder)
                .into(new ArrayList<>()));
    }

    @Override
    public boolean update(Folder folder) {
        return store.call("update folder", () -> {
            BsonDocument set = new BsonDocument();
            fields(folder).forEach(set::append);
            return refusingTakenNames(folder, () -> folders.updateOne(Filters.and(
                            Filters.eq("_id", folder.id().value()), Filters.eq("userId", folder.ownerId().value())),
                    new BsonDocument("$set", set))).getMatchedCount() == 1;
        });
    }

    @Override
    public int deleteAll(Collection<FolderId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> values = ids.stream().map(FolderId::value).distinct().sorted().toList();
        return store.call("delete folders", () -> {
            int deleted = (int) folders.deleteMany(Filters.in("_id", values)).getDeletedCount();
            // After the folders: a grant write that finds its folder gone stores nothing (see replaceGrants).
            grants.deleteMany(Filters.in("_id", values));
            return deleted;
        });
    }

    @Override
    public List<FolderGrant> grantsOf(UserId owner, FolderId folder) {
        return store.call("read folder grants", () -> {
            BsonDocument stored = grants.find(Filters.and(Filters.eq("_id", folder.value()),
                    Filters.eq("userId", owner.value()))).first();
            List<FolderGrant> result = new ArrayList<>();
            if (stored != null) {
                for (BsonValue value : stored.getArray("grants")) {
                    BsonDocument grant = value.asDocument();
                    result.add(new FolderGrant(new AccessGrant(grant.getString("id").getValue(),
                            StoredNames.principal(grant.getString("principalType").getValue()),
                            grant.getString("principalId").getValue(),
                            StoredNames.access(grant.getString("permission").getValue())),
                            grant.getNumber("createdAt").longValue()));
                }
            }
            return result;
        });
    }

    @Override
    public boolean replaceGrants(UserId owner, FolderId folder, List<FolderGrant> replacement) {
        return store.call("replace folder grants", () -> {
            if (folders.find(Filters.and(Filters.eq("_id", folder.value()), Filters.eq("userId", owner.value())))
                    .projection(Projections.include("_id")).first() == null) {
                return false;
            }
            Bson filter = Filters.and(Filters.eq("_id", folder.value()), Filters.eq("userId", owner.value()));
            if (replacement.isEmpty()) {
                grants.deleteOne(filter);
                return true;
            }
            BsonArray list = new BsonArray();
            for (FolderGrant entry : replacement) {
                AccessGrant grant = entry.grant();
                list.add(new BsonDocument("id", new BsonString(grant.id()))
                        .append("principalType", new BsonString(StoredNames.principal(grant.principalType())))
                        .append("principalId", new BsonString(grant.principalId()))
                        .append("permission", new BsonString(StoredNames.access(grant.permission())))
                        .append("createdAt", new BsonInt64(entry.createdAt())));
            }
            // One document per folder, replaced whole: a reader sees the old grants or the new ones.
            grants.replaceOne(filter, new BsonDocument("_id", new BsonString(folder.value()))
                    .append("userId", new BsonString(owner.value())).append("grants", list),
                    new ReplaceOptions().upsert(true));
            return true;
        });
    }

    @Override
    public List<GrantedFolder> grantedTo(UserId grantee) {
        String user = StoredNames.principal(AccessGrant.Principal.USER);
        return store.call("list folders granted to a user", () -> {
            List<GrantedFolder> found = new ArrayList<>();
            for (BsonDocument stored : grants.find(Filters.in("grants.principalId", grantee.value(),
                    AccessGrant.EVERYONE))) {
                UserId owner = new UserId(stored.getString("userId").getValue());
                FolderId folder = new FolderId(stored.getString("_id").getValue());
                for (BsonValue value : stored.getArray("grants")) {
                    BsonDocument grant = value.asDocument();
                    String principal = grant.getString("principalId").getValue();
                    if (grant.getString("principalType").getValue().equals(user)
                            && (principal.equals(grantee.value()) || principal.equals(AccessGrant.EVERYONE))) {
                        found.add(new GrantedFolder(owner, folder,
                                StoredNames.access(grant.getString("permission").getValue())));
                    }
                }
            }
            return found;
        });
    }

    /** Runs the write; the unique sibling index refusing it means a sibling took the name first. */
    private static <T> T refusingTakenNames(Folder folder, Supplier<T> write) {
        try {
            return write.get();
        } catch (MongoException e) {
            if (MongoStore.isDuplicateKey(e)) {
                throw new FolderNameConflictException(folder.name());
            }
            throw e;
        }
    }

    /** The fields an update replaces. */
    private static BsonDocument fields(Folder folder) {
        return new BsonDocument("parentId", folder.parent().<BsonValue>map(p -> new BsonString(p.value()))
                .orElse(BsonNull.VALUE))
                .append("name", new BsonString(folder.name()))
                .append("nameKey", new BsonString(FolderNames.key(folder.name())))
                .append("expanded", BsonBoolean.valueOf(folder.expanded()))
                .append("meta", jsonOrNull(folder.meta()))
                .append("data", jsonOrNull(folder.data()))
                .append("updatedAt", new BsonInt64(folder.updatedAt()));
    }

    private static BsonValue jsonOrNull(Map<String, Object> object) {
        return object == null ? BsonNull.VALUE : BsonJson.toBson(object);
    }

    private static Folder folder(BsonDocument document) {
        BsonValue parent = document.get("parentId");
        return new Folder(new FolderId(document.getString("_id").getValue()),
                new UserId(document.getString("userId").getValue()),
                parent == null || parent.isNull() ? null : new FolderId(parent.asString().getValue()),
                document.getString("name").getValue(), document.getBoolean("expanded").getValue(),
                objectOrNull(document.get("meta")), objectOrNull(document.get("data")),
                document.getNumber("createdAt").longValue(), document.getNumber("updatedAt").longValue());
    }

    static Map<String, Object> objectOrNull(BsonValue value) {
        return value == null || value.isNull() ? null : BsonJson.toMap(value.asDocument());
    }
}
