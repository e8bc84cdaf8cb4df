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
import com.mongodb.client.model.Updates;
import dev.chats.domain.port.StoreUnavailableException;
import dev.chats.domain.search.FolderNames;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
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
 *   is being applied its change set ({@code applying}, see {@link CommitThenApply})</td></tr>
 *   <tr><td>{@code chat_messages}</td><td>one document per message, {@code _id: {chatId, messageId}}</td></tr>
 *   <tr><td>{@code chat_parts}</td><td>pieces of chat bodies, legacy texts and change sets too large to sit in a
 *   chat document</td></tr>
 *   <tr><td>{@code tags}</td><td>one document per owner and tag, {@code _id: {userId, tagId}}</td></tr>
 *   <tr><td>{@code folders}</td><td>one document per folder</td></tr>
 *   <tr><td>{@code shares}, {@code share_parts}</td><td>share snapshots; large ones in pieces</td></tr>
 *   <tr><td>{@code share_grants}</td><td>who may open a chat's share, {@code _id: chatId}, grants in order</td></tr>
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
    static final String REVOKED_TOKENS = "revoked_tokens";

    static final List<String> COLLECTIONS = List.of(USERS, CHATS, CHAT_MESSAGES, CHAT_PARTS, TAGS, FOLDERS, SHARES,
            SHARE_PARTS, SHARE_GRANTS, REVOKED_TOKENS);

    private static final Logger LOG = LoggerFactory.getLogger(MongoStore.class);

    private final MongoDatabase database;

    /** The store in this database, checked and indexed; for tests and tools that bring their own database. */
    public MongoStore(MongoDatabase database) {
        this(database, "database " + database.getName());
    }

    /**
     * The store in this database, checked and indexed.
     *
     * @param where the server as it may appear in a log: the URI with its credentials masked
     * @throws StoreUnavailableException if the server cannot be reached
     */
    public MongoStore(MongoDatabase database, String where) {
        this.database = database;
        try {
            database.runCommand(new BsonDocument("ping", new BsonInt32(1)));
        } catch (MongoException e) {
            LOG.error("Cannot connect to MongoDB at {}: {}", where, e.getMessage());
            throw new StoreUnavailableException("cannot connect to MongoDB at " + where, e);
        }
        call("create indexes", () -> {
            createIndexes();
            keyFolderNames();
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
                index("folders_user_parent_name", Indexes.ascending("userId", "parentId", "nameKey"))));
        collection(SHARES).createIndexes(List.of(index("shares_chat", Indexes.ascending("chatId")),
                index("shares_user_updated", Indexes.compoundIndex(Indexes.ascending("userId"),
                        Indexes.descending("updatedAt"), Indexes.ascending("_id")))));
        collection(SHARE_GRANTS).createIndexes(List.of(index("share_grants_user", Indexes.ascending("userId"))));
        collection(SHARE_PARTS).createIndexes(List.of(
                index("share_parts_owner_rev", Indexes.ascending("_id.owner", "_id.rev"))));
    }

    /** Folders stored before sibling names were keyed get their {@code nameKey} (a no-op once all have one). */
    private void keyFolderNames() {
        MongoCollection<BsonDocument> folders = collection(FOLDERS);
        for (BsonDocument folder : folders.find(Filters.exists("nameKey", false))
                .projection(Projections.include("_id", "name"))) {
            folders.updateOne(Filters.eq("_id", folder.get("_id")), Updates.set("nameKey",
                    FolderNames.key(folder.getString("name").getValue())));
        }
    }

    private static IndexModel index(String name, org.bson.conversions.Bson keys) {
        return new IndexModel(keys, new IndexOptions().name(name));
    }

    MongoCollection<BsonDocument> collection(String name) {
        return database.getCollection(name, BsonDocument.class);
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
        try {
            return work.get();
        } catch (MongoException e) {
            throw failure(what, e);
        } catch (org.bson.BsonMaximumSizeExceededException e) {
            throw new MongoAccessException(what + " failed: a document exceeds MongoDB's size limit", e);
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
