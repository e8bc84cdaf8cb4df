package dev.chats.adapters.mongo;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chats.domain.port.OutageBreaker;
import dev.chats.domain.port.StoreUnavailableException;
import dev.chats.domain.search.FolderNames;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The MongoDB database of the chat store: its collections, the indexes every query of this adapter relies on (created
 * at start-up, idempotently), and the translation of driver failures into what the ports promise. Construction pings
 * the server, so a server whose database is unreachable does not start.
 *
 * <table>
 *   <caption>Collections</caption>
 *   <tr><td>{@code users}</td><td>one document per user; unique index on {@code email}</td></tr>
 *   <tr><td>{@code chats}</td><td>one document per chat without its messages: the list columns, {@code tagIds},
 *   {@code legacyText}, {@code version}, the body inline or, when large, in {@code chat_parts}, and while an update
 *   is being applied its change set ({@code applying}, see {@link RecordedChanges})</td></tr>
 *   <tr><td>{@code chat_messages}</td><td>one document per message, {@code _id: {chatId, messageId}}</td></tr>
 *   <tr><td>{@code chat_parts}</td><td>pieces of chat bodies, legacy texts and change sets too large to sit in a
 *   chat document</td></tr>
 *   <tr><td>{@code tags}</td><td>one document per owner and tag, {@code _id: {userId, tagId}}</td></tr>
 *   <tr><td>{@code folders}</td><td>one document per folder</td></tr>
 *   <tr><td>{@code shares}, {@code share_parts}</td><td>share snapshots; large ones in pieces</td></tr>
 *   <tr><td>{@code share_grants}</td><td>who may open a chat's share, {@code _id: chatId}, grants in order</td></tr>
 *   <tr><td>{@code folder_grants}</td><td>who may reach a folder, {@code _id: folderId}, grants in order; indexed
 *   by grantee ({@code grants.principalId}) for "shared with me"</td></tr>
 *   <tr><td>{@code revoked_tokens}</td><td>signed-out session tokens, {@code _id: {userId, jti}}; a TTL index on
 *   {@code expiresAt} drops them once the token has expired</td></tr>
 * </table>
 */
public final class MongoStore {

    static final String USERS = "users";
    static final String CHATS = "chats";
    static final String CHAT_MESSAGES = "chat_messages";
    static final String CHAT_PARTS = "chat_parts";
    static final String TAGS = "tags";
    static final String FOLDERS = "folders";
    static final String SHARES = "shares";
    static final String SHARE_PARTS = "share_parts";
    static final String SHARE_GRANTS = "share_grants";
    static final String FOLDER_GRANTS = "folder_grants";
    static final String REVOKED_TOKENS = "revoked_tokens";

    static final List<String> COLLECTIONS = List.of(USERS, CHATS, CHAT_MESSAGES, CHAT_PARTS, TAGS, FOLDERS, SHARES,
            SHARE_PARTS, SHARE_GRANTS, FOLDER_GRANTS, REVOKED_TOKENS);

    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);

    private final MongoDatabase database;
    private final OutageBreaker breaker;
    private final LongAdder versionConflicts = new LongAdder();
    /** Calls may nest; only the outermost one of a thread goes through the breaker. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /** The store in this database, checked and indexed; for tests and tools that bring their own database. */
    public MongoStore(MongoDatabase database) {
        this(database, "database " + database.getName(), Duration.ofSeconds(2));
    }

    /**
     * The store in this database, checked and indexed.
     *
     * @param where the server as it may appear in a log: the URI with its credentials masked
     * @param outageFailFast how long calls are refused at once after one found the server unreachable
     * @throws StoreUnavailableException if the server cannot be reached
     * @throws MongoLayout.NewerLayoutException if a newer build wrote the database
     */
    public MongoStore(MongoDatabase database, String where, Duration outageFailFast) {
        this.database = database;
        this.breaker = new OutageBreaker(outageFailFast);
        try {
            database.runCommand(new BsonDocument("ping", new BsonInt32(1)));
        } catch (MongoException e) {
            LOG.error("Cannot connect to MongoDB at {}: {}", where, e.getMessage());
            throw new StoreUnavailableException("cannot connect to MongoDB at " + where, e);
        }
        call("migrate the collections", () -> {
            MongoLayout.refuseNewer(database, where);
            int found = MongoLayout.inspect(database).found();
            keyFolderNames();
            createIndexes();
            if (found < 2) {
                MongoVapiChatRepository.recountOwners(database);
            }
            MongoLayout.record(database);
            return null;
        });
    }

    private void createIndexes() {
        collection(USERS).createIndexes(List.of(
                new IndexModel(Indexes.ascending("email"), new IndexOptions().unique(true).name("users_email"))));
        collection(CHATS).createIndexes(List.of(
                index("chats_user_updated", Indexes.compoundIndex(Indexes.ascending("userId"),
                        Indexes.descending("updatedAt"), Indexes.ascending("_id"))),
                index("chats_user_created", Indexes.compoundIndex(Indexes.ascending("userId"),
                        Indexes.descending("createdAt"), Indexes.ascending("_id"))),
                index("chats_user_title", Indexes.ascending("userId", "title", "_id")),
                index("chats_user_flags", Indexes.compoundIndex(Indexes.ascending("userId", "archived", "pinned"),
                        Indexes.descending("updatedAt"))),
                index("chats_user_folder", Indexes.compoundIndex(Indexes.ascending("userId", "folderId"),
                        Indexes.descending("updatedAt"))),
                index("chats_user_tags", Indexes.ascending("userId", "tagIds"))));
        collection(CHAT_MESSAGES).createIndexes(List.of(
                index("chat_messages_chat_position", Indexes.ascending("_id.chatId", "position")),
                index("chat_messages_user", Indexes.ascending("userId"))));
        collection(CHAT_PARTS).createIndexes(List.of(
                index("chat_parts_owner_rev", Indexes.ascending("_id.owner", "_id.rev")),
                index("chat_parts_user", Indexes.ascending("userId"))));
        collection(TAGS).createIndexes(List.of(
                index("tags_user_tag", Indexes.ascending("_id.userId", "_id.tagId"))));
        collection(FOLDERS).createIndexes(List.of(
                index("folders_user_created", Indexes.ascending("userId", "createdAt", "_id")),
                new IndexModel(Indexes.ascending("userId", "parentId", "nameKey"),
                        new IndexOptions().unique(true).name("folders_user_parent_name"))));
        collection(SHARES).createIndexes(List.of(index("shares_chat", Indexes.ascending("chatId")),
                index("shares_user_updated", Indexes.compoundIndex(Indexes.ascending("userId"),
                        Indexes.descending("updatedAt"), Indexes.ascending("_id")))));
        collection(SHARE_GRANTS).createIndexes(List.of(index("share_grants_user", Indexes.ascending("userId"))));
        collection(FOLDER_GRANTS).createIndexes(List.of(index("folder_grants_user", Indexes.ascending("userId")),
                index("folder_grants_principal", Indexes.ascending("grants.principalId"))));
        collection(SHARE_PARTS).createIndexes(List.of(
                index("share_parts_owner_rev", Indexes.ascending("_id.owner", "_id.rev"))));
    }

    /**
     * Folders stored before sibling names were keyed get their {@code nameKey} (a no-op once all have one), before
     * the unique index is built. Siblings already sharing a name (earlier versions let two concurrent creates
     * through) keep it; the later ones get their id appended to the key.
     */
    private void keyFolderNames() {
        MongoCollection<BsonDocument> folders = collection(FOLDERS);
        if (folders.find(Filters.exists("nameKey", false)).first() == null) {
            return;
        }
        Set<String> taken = new HashSet<>();
        for (BsonDocument folder : folders.find().sort(Sorts.ascending("createdAt", "_id"))
                .projection(Projections.include("_id", "userId", "parentId", "name", "nameKey"))) {
            String key = folder.containsKey("nameKey") ? folder.getString("nameKey").getValue()
                    : FolderNames.key(folder.getString("name").getValue());
            boolean free = taken.add(folder.get("userId") + "\n" + folder.get("parentId") + "\n" + key);
            if (!folder.containsKey("nameKey")) {
                folders.updateOne(Filters.eq("_id", folder.get("_id")), Updates.set("nameKey",
                        free ? key : key + ":" + folder.get("_id").asString().getValue()));
            }
        }
    }

    private static IndexModel index(String name, org.bson.conversions.Bson keys) {
        return new IndexModel(keys, new IndexOptions().name(name));
    }

    MongoCollection<BsonDocument> collection(String name) {
        return database.getCollection(name, BsonDocument.class);
    }

    /**
     * Checks that the server answers now, within the same bounds as any request (and at once while it is known
     * away); for the readiness check.
     *
     * @throws StoreUnavailableException if it does not
     */
    public void ping() {
        call("check MongoDB", () -> database.runCommand(new BsonDocument("ping", new BsonInt32(1))));
    }

    /**
     * Chat updates refused because another writer committed first since the chat was read; each one is retried on a
     * fresh read by the application, so this counts contention, not failures. For the metrics.
     */
    public long versionConflicts() {
        return versionConflicts.sum();
    }

    void countVersionConflict() {
        versionConflicts.increment();
    }

    /** The database this store lives in. */
    public MongoDatabase database() {
        return database;
    }

    /**
     * Runs one unit of work against the database: a lost, refused or timed-out connection, or a replica set without
     * a primary, becomes {@link StoreUnavailableException}; any other driver failure {@link MongoAccessException}.
     * Exceptions of the ports themselves pass unchanged.
     */
    <T> T call(String what, Supplier<T> work) {
        int[] calls = depth.get();
        boolean outermost = calls[0] == 0;
        boolean probe = outermost && breaker.admit(what);
        calls[0]++;
        try {
            T result = work.get();
            if (outermost) {
                breaker.succeeded(probe);
            }
            return result;
        } catch (MongoException e) {
            RuntimeException failure = failure(what, e);
            if (outermost && failure instanceof StoreUnavailableException) {
                breaker.failed(probe);
            } else if (outermost) {
                breaker.succeeded(probe);
            }
            throw failure;
        } catch (org.bson.BsonMaximumSizeExceededException e) {
            if (outermost) {
                breaker.succeeded(probe);
            }
            throw new MongoAccessException(what + " failed: a document exceeds MongoDB's size limit", e);
        } catch (RuntimeException e) {
            if (outermost) {
                breaker.released(probe);
            }
            throw e;
        } finally {
            calls[0]--;
        }
    }

    static RuntimeException failure(String what, MongoException e) {
        if (isUnavailable(e)) {
            return new StoreUnavailableException(what + " failed: MongoDB is unreachable", e);
        }
        return new MongoAccessException(what + " failed", e);
    }

    private static boolean isUnavailable(MongoException e) {
        return e instanceof MongoTimeoutException || e instanceof MongoSocketException
                || e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException
                || e instanceof MongoConnectionPoolClearedException;
    }

    /** Whether the failure is a unique index refusing a second document with the same key. */
    static boolean isDuplicateKey(MongoException e) {
        return e.getCode() == 11000 || (e instanceof com.mongodb.MongoWriteException write
                && write.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY);
    }
}
