package dev.chats.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.search.FolderNames;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Persistence adapter: stores folders in MongoDB's {@code folders}; nesting is the {@code parentId} field. */
@Singleton
@MongoPersistence
public final class MongoFolderRepository implements FolderRepository {

    private final MongoStore store;
    private final MongoCollection<BsonDocument> folders;

    public MongoFolderRepository(MongoStore store) {
        this.store = store;
        this.folders = store.collection(MongoStore.FOLDERS);
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
        return store.call("delete folders", () ->
                (int) folders.deleteMany(Filters.in("_id", values)).getDeletedCount());
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
