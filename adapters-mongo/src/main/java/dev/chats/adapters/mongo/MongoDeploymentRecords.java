package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.transfer.DeploymentRecord.RevokedTokenRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;
import dev.chats.domain.transfer.RepositoryRecords;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Persistence adapter: every record of the deployment in MongoDB, for copies and backups. Keys are listed in
 * {@code _id} order, a page at a time (each page starts after the last {@code _id} of the one before); records are
 * read and written through the repositories.
 */
@Singleton
@MongoPersistence
public final class MongoDeploymentRecords extends RepositoryRecords {

    /**
     * How a kind's key sits in its collection: the {@code _id} itself ({@code owner} null), the {@code _id} with the
     * owner in a field beside it, or an {@code _id} document of the owner and an id ({@code compound}).
     */
    private record Layout(String collection, String owner, String compound) {

        static Layout plain(String collection) {
            return new Layout(collection, null, null);
        }

        static Layout owned(String collection) {
            return new Layout(collection, "userId", null);
        }

        static Layout compound(String collection, String idField) {
            return new Layout(collection, null, idField);
        }
    }

    private final MongoStore store;

    public MongoDeploymentRecords(MongoStore store, UserRepository users, ApiKeyRepository apiKeys,
                                  FolderRepository folders,
                                  ChatRepository chats, TagRepository tags, ShareRepository shares,
                                  RevokedTokens revokedTokens, SavedAssistantRepository assistants,
                                  VapiSessionRepository sessions, VapiChatRepository vapiChats) {
        super(new Repositories(users, apiKeys, folders, chats, tags, shares, revokedTokens, assistants, sessions, vapiChats));
        this.store = store;
    }

    private static Layout layout(RecordKind kind) {
        return switch (kind) {
            case USER -> Layout.plain(MongoStore.USERS);
            case API_KEY -> Layout.plain(MongoApiKeyRepository.API_KEYS);
            case FOLDER -> Layout.plain(MongoStore.FOLDERS);
            case CHAT -> Layout.plain(MongoStore.CHATS);
            case TAG -> Layout.compound(MongoStore.TAGS, "tagId");
            case SHARE -> Layout.plain(MongoStore.SHARES);
            case SHARE_GRANTS -> Layout.owned(MongoStore.SHARE_GRANTS);
            case FOLDER_GRANTS -> Layout.owned(MongoStore.FOLDER_GRANTS);
            case REVOKED_TOKEN -> Layout.compound(MongoStore.REVOKED_TOKENS, "jti");
            case SAVED_ASSISTANT -> Layout.owned(MongoSavedAssistantRepository.VAPI_ASSISTANTS);
            case VAPI_SESSION -> Layout.owned(MongoVapiSessionRepository.VAPI_SESSIONS);
            case VAPI_CHAT -> Layout.owned(MongoVapiChatRepository.VAPI_CHATS);
        };
    }

    @Override
    public List<RecordKey> keysAfter(RecordKind kind, RecordKey after, int limit) {
        Layout layout = layout(kind);
        Bson filter = new BsonDocument();
        Bson order = Sorts.ascending("_id");
        if (layout.compound() != null) {
            String id = "_id." + layout.compound();
            order = Sorts.ascending("_id.userId", id);
            if (after != null) {
                filter = Filters.or(Filters.gt("_id.userId", after.first()),
                        Filters.and(Filters.eq("_id.userId", after.first()), Filters.gt(id, after.last())));
            }
        } else if (after != null) {
            filter = Filters.gt("_id", after.last());
        }
        Bson query = filter;
        Bson sort = order;
        return store.call("list " + kind.wireName() + " keys", () -> {
            List<RecordKey> keys = new ArrayList<>();
            for (BsonDocument document : collection(layout).find(query).sort(sort).limit(limit)
                    .projection(projection(layout))) {
                keys.add(key(layout, document));
            }
            return keys;
        });
    }

    @Override
    public Set<RecordKey> existing(RecordKind kind, Collection<RecordKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Layout layout = layout(kind);
        List<Object> ids = new ArrayList<>();
        for (RecordKey key : keys) {
            ids.add(layout.compound() == null ? key.last() : new BsonDocument("userId", new BsonString(key.first()))
                    .append(layout.compound(), new BsonString(key.last())));
        }
        return store.call("find " + kind.wireName() + " keys", () -> {
            Set<RecordKey> found = new HashSet<>();
            for (BsonDocument document : collection(layout).find(Filters.in("_id", ids))
                    .projection(projection(layout))) {
                found.add(key(layout, document));
            }
            found.retainAll(keys instanceof Set<?> ? keys : new HashSet<>(keys));
            return found;
        });
    }

    @Override
    public long count(RecordKind kind) {
        Layout layout = layout(kind);
        return store.call("count " + kind.wireName() + " records", () -> collection(layout).countDocuments());
    }

    @Override
    protected Optional<RevokedTokenRecord> findRevokedToken(RecordKey key) {
        BsonDocument id = new BsonDocument("userId", new BsonString(key.first())).append("jti",
                new BsonString(key.last()));
        return store.call("read a revoked token", () -> Optional.ofNullable(
                        collection(layout(RecordKind.REVOKED_TOKEN)).find(Filters.eq("_id", id)).first())
                .map(document -> new RevokedTokenRecord(new UserId(key.first()), new TokenId(key.last()),
                        document.getDateTime("expiresAt").getValue() / 1000L)));
    }

    private MongoCollection<BsonDocument> collection(Layout layout) {
        return store.collection(layout.collection());
    }

    private static Bson projection(Layout layout) {
        return layout.owner() == null ? Projections.include("_id") : Projections.include("_id", layout.owner());
    }

    private static RecordKey key(Layout layout, BsonDocument document) {
        if (layout.compound() != null) {
            BsonDocument id = document.getDocument("_id");
            return RecordKey.of(id.getString("userId").getValue(), id.getString(layout.compound()).getValue());
        }
        String id = document.getString("_id").getValue();
        return layout.owner() == null ? RecordKey.of(id) : RecordKey.of(document.getString(layout.owner()).getValue(), id);
    }
}
