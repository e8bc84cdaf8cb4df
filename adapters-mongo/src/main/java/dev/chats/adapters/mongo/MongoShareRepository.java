package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.share.ShareListQuery;
import dev.chats.domain.share.ShareSummary;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: stores share snapshots in MongoDB's {@code shares}. A share is read whole, so its document is
 * kept whole — inline when it is small, else as chunks in {@code share_parts} under a new revision per save, so no
 * document comes near the 16 MB limit. A save writes the chunks first and then switches the share document to them in
 * one step, so a reader sees the old snapshot or the new one, never a mix; the chat repository deletes a chat's
 * shares with the chat.
 */
@Singleton
@MongoPersistence
public final class MongoShareRepository implements ShareRepository {

    private static final String DOCUMENT = "document";
    private static final String DOCUMENT_PARTS = "documentParts";
    private static final int READ_ATTEMPTS = 5;

    private final MongoStore store;
    private final MongoCollection<BsonDocument> shares;
    private final MongoCollection<BsonDocument> grants;
    private final Parts parts;

    public MongoShareRepository(MongoStore store) {
        this.store = store;
        this.shares = store.collection(MongoStore.SHARES);
        this.grants = store.collection(MongoStore.SHARE_GRANTS);
        this.parts = new Parts(store.collection(MongoStore.SHARE_PARTS));
    }

    @Override
    public void save(Share share) {
        store.call("save share", () -> {
            RawBsonDocument document = ChatDocumentMapper.raw(BsonJson.toBson(share.document()));
            List<Bson> updates = new ArrayList<>(List.of(
                    Updates.set("title", share.title()),
                    Updates.set("updatedAt", share.updatedAt()),
                    Updates.setOnInsert("chatId", share.chatId().value()),
                    Updates.setOnInsert("userId", share.ownerId().value()),
                    Updates.setOnInsert("createdAt", share.createdAt())));
            String rev = null;
            if (ChatDocumentMapper.size(document) <= ChatDocumentMapper.INLINE_BODY_BYTES) {
                updates.add(Updates.set(DOCUMENT, document));
                updates.add(Updates.unset(DOCUMENT_PARTS));
            } else {
                rev = UUID.randomUUID().toString();
                ByteBuffer buffer = document.getByteBuffer().asNIO();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                int count = parts.writeBytes(share.id(), rev, bytes);
                updates.add(Updates.set(DOCUMENT_PARTS, new BsonDocument("rev", new BsonString(rev))
                        .append("count", new BsonInt32(count))));
                updates.add(Updates.unset(DOCUMENT));
            }
            BsonDocument before = shares.findOneAndUpdate(Filters.eq("_id", share.id()), Updates.combine(updates),
                    new FindOneAndUpdateOptions().upsert(true).projection(Projections.include(DOCUMENT_PARTS))
                            .returnDocument(ReturnDocument.BEFORE));
            if (before != null && before.get(DOCUMENT_PARTS) instanceof BsonDocument replaced) {
                // Only the revision this save replaced: a concurrent save may have switched to its own already.
                parts.deleteRevision(share.id(), replaced.getString("rev").getValue());
            }
            return null;
        });
    }

    @Override
    public Optional<Share> findById(String shareId) {
        return store.call("find share", () -> {
            for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
                BsonDocument stored = shares.find(Filters.eq("_id", shareId)).first();
                if (stored == null) {
                    return Optional.empty();
                }
                Map<String, Object> document = document(shareId, stored);
                if (document != null) {
                    return Optional.of(new Share(shareId, new ChatId(stored.getString("chatId").getValue()),
                            new UserId(stored.getString("userId").getValue()), stored.getString("title").getValue(),
                            document, stored.getNumber("createdAt").longValue(),
                            stored.getNumber("updatedAt").longValue()));
                }
                // A newer save replaced the chunks between the two reads: read the share again.
            }
            throw new MongoAccessException("share " + shareId + " cannot be read: parts of it are missing", null);
        });
    }

    private Map<String, Object> document(String shareId, BsonDocument stored) {
        if (stored.containsKey(DOCUMENT)) {
            return BsonJson.toMap(stored.getDocument(DOCUMENT));
        }
        BsonDocument ref = stored.getDocument(DOCUMENT_PARTS);
        byte[] bytes = parts.readBytes(shareId, ref.getString("rev").getValue(), ref.getNumber("count").intValue());
        return bytes == null ? null : ChatDocumentMapper.body(bytes);
    }

    @Override
    public boolean delete(String shareId) {
        return store.call("delete share", () -> {
            boolean deleted = shares.deleteOne(Filters.eq("_id", shareId)).getDeletedCount() == 1;
            parts.deleteOwners(List.of(shareId));
            return deleted;
        });
    }

    /** Deletes the shares of these chats with their parts: what deleting the chats does first. */
    static void deleteSharesOfChats(MongoStore store, Collection<String> chatIds) {
        MongoCollection<BsonDocument> shares = store.collection(MongoStore.SHARES);
        List<String> ids = shares.find(Filters.in("chatId", chatIds)).projection(Projections.include("_id"))
                .map(document -> document.getString("_id").getValue()).into(new ArrayList<>());
        if (!ids.isEmpty()) {
            shares.deleteMany(Filters.in("_id", ids));
            new Parts(store.collection(MongoStore.SHARE_PARTS)).deleteOwners(ids);
        }
        store.collection(MongoStore.SHARE_GRANTS).deleteMany(Filters.in("_id", chatIds));
    }

    @Override
    public List<ShareSummary> findByOwner(ShareListQuery query) {
        return store.call("list shares", () -> {
            List<Bson> conditions = new ArrayList<>(List.of(Filters.eq("userId", query.owner().value())));
            query.titleContains().ifPresent(text -> conditions.add(
                    ChatQueryFilter.matches("title", ChatQueryFilter.containsIgnoringCase(text))));
            String field = switch (query.order().field()) {
                case UPDATED_AT -> "updatedAt";
                case CREATED_AT -> "createdAt";
                case TITLE -> "title";
            };
            Bson first = query.order().direction() == SortDirection.ASC ? Sorts.ascending(field)
                    : Sorts.descending(field);
            return shares.find(Filters.and(conditions))
                    .projection(Projections.include("_id", "chatId", "title", "createdAt", "updatedAt"))
                    .sort(Sorts.orderBy(first, Sorts.ascending("_id")))
                    .skip((int) Math.min(query.page().offset(), Integer.MAX_VALUE)).limit(query.page().limit())
                    .map(document -> new ShareSummary(document.getString("_id").getValue(),
                            new ChatId(document.getString("chatId").getValue()),
                            document.getString("title").getValue(), document.getNumber("createdAt").longValue(),
                            document.getNumber("updatedAt").longValue()))
                    .into(new ArrayList<>());
        });
    }

    @Override
    public List<AccessGrant> grantsOf(UserId owner, ChatId chat) {
        return store.call("read share grants", () -> {
            BsonDocument stored = grants.find(Filters.and(Filters.eq("_id", chat.value()),
                    Filters.eq("userId", owner.value()))).first();
            List<AccessGrant> result = new ArrayList<>();
            if (stored != null) {
                for (var value : stored.getArray("grants")) {
                    BsonDocument grant = value.asDocument();
                    result.add(new AccessGrant(grant.getString("id").getValue(),
                            StoredNames.principal(grant.getString("principalType").getValue()),
                            grant.getString("principalId").getValue(),
                            StoredNames.access(grant.getString("permission").getValue())));
                }
            }
            return result;
        });
    }

    @Override
    public void replaceGrants(UserId owner, ChatId chat, List<AccessGrant> replacement) {
        store.call("replace share grants", () -> {
            Bson filter = Filters.and(Filters.eq("_id", chat.value()), Filters.eq("userId", owner.value()));
            if (replacement.isEmpty()) {
                grants.deleteOne(filter);
                return null;
            }
            BsonArray list = new BsonArray();
            for (AccessGrant grant : replacement) {
                list.add(new BsonDocument("id", new BsonString(grant.id()))
                        .append("principalType", new BsonString(StoredNames.principal(grant.principalType())))
                        .append("principalId", new BsonString(grant.principalId()))
                        .append("permission", new BsonString(StoredNames.access(grant.permission()))));
            }
            // One document per chat, replaced whole: a reader sees the old grants or the new ones.
            grants.replaceOne(filter, new BsonDocument("_id", new BsonString(chat.value()))
                    .append("userId", new BsonString(owner.value())).append("grants", list),
                    new ReplaceOptions().upsert(true));
            return null;
        });
    }
}
