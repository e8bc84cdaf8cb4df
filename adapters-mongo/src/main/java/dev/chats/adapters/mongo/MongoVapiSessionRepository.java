package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionPage;
import dev.chats.domain.vapi.VapiSessionQuery;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence adapter: Vapi sessions in MongoDB's {@code vapi_sessions}, one document each; an update replaces the
 * document only over the version it was made from. Every query and index leads with {@code userId}.
 */
@Singleton
@MongoPersistence
public final class MongoVapiSessionRepository implements VapiSessionRepository {

    static final String VAPI_SESSIONS = "vapi_sessions";

    private final MongoStore store;
    private final MongoCollection<BsonDocument> sessions;

    public MongoVapiSessionRepository(MongoStore store) {
        this.store = store;
        this.sessions = store.collection(VAPI_SESSIONS);
        store.call("create vapi session indexes", () -> sessions.createIndexes(List.of(
                index("vapi_sessions_user_created", "createdAt"),
                index("vapi_sessions_user_updated", "updatedAt"),
                index("vapi_sessions_user_assistant", "assistantId", "createdAt"),
                index("vapi_sessions_user_name", "name", "createdAt"))));
    }

    private static IndexModel index(String name, String... fields) {
        List<String> keys = new ArrayList<>();
        keys.add("userId");
        keys.addAll(List.of(fields));
        keys.add("_id");
        return new IndexModel(Indexes.ascending(keys), new IndexOptions().name(name));
    }

    @Override
    public void add(VapiSession session) {
        store.call("add vapi session", () -> sessions.insertOne(document(session)));
    }

    @Override
    public Optional<VapiSession> findById(UserId owner, VapiSessionId id) {
        return store.call("find vapi session", () -> Optional.ofNullable(sessions.find(key(owner, id)).first())
                .map(MongoVapiSessionRepository::session));
    }

    @Override
    public boolean update(VapiSession updated) {
        return store.call("update vapi session", () -> sessions.replaceOne(
                Filters.and(key(updated.ownerId(), updated.id()), Filters.eq("version", updated.version() - 1)),
                document(updated)).getModifiedCount() == 1);
    }

    @Override
    public Optional<VapiSession> delete(UserId owner, VapiSessionId id) {
        return store.call("delete vapi session", () -> Optional.ofNullable(sessions.findOneAndDelete(key(owner, id)))
                .map(MongoVapiSessionRepository::session));
    }

    @Override
    public VapiSessionPage list(VapiSessionQuery query) {
        if (query.ids() != null && query.ids().isEmpty()
                || query.assistantIds() != null && query.assistantIds().isEmpty()) {
            return new VapiSessionPage(List.of(), 0);
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("userId", query.owner().value()));
        if (query.ids() != null) {
            filters.add(Filters.in("_id", query.ids().stream().map(VapiSessionId::value).toList()));
        }
        if (query.assistantIds() != null) {
            filters.add(Filters.in("assistantId", query.assistantIds()));
        }
        if (query.name() != null) {
            filters.add(Filters.eq("name", query.name()));
        }
        OwnedPages.within(filters, "createdAt", query.createdAt());
        OwnedPages.within(filters, "updatedAt", query.updatedAt());
        Bson filter = Filters.and(filters);
        Bson order = query.ascending() ? Sorts.ascending("createdAt", "_id") : Sorts.descending("createdAt", "_id");
        return store.call("list vapi sessions", () -> {
            OwnedPages.Page<VapiSession> page = OwnedPages.countAndPage(sessions, filter, filter, order,
                    query.limit(), query.offset(), MongoVapiSessionRepository::session);
            return new VapiSessionPage(page.rows(), page.total());
        });
    }

    private static Bson key(UserId owner, VapiSessionId id) {
        return Filters.and(Filters.eq("userId", owner.value()), Filters.eq("_id", id.value()));
    }

    private static BsonDocument document(VapiSession session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("expirationSeconds", session.expirationSeconds());
        body.put("assistant", session.assistant());
        body.put("assistantOverrides", session.assistantOverrides());
        body.put("messages", session.messages());
        body.put("metadata", session.metadata());
        return new BsonDocument("_id", new BsonString(session.id().value()))
                .append("userId", new BsonString(session.ownerId().value()))
                .append("name", string(session.name()))
                .append("status", new BsonString(StoredNames.status(session.status())))
                .append("assistantId", string(session.assistantId()))
                .append("createdAt", new BsonInt64(session.createdAt()))
                .append("updatedAt", new BsonInt64(session.updatedAt()))
                .append("version", new BsonInt64(session.version()))
                .append("body", BsonJson.toBson(body));
    }

    private static BsonValue string(String value) {
        return value == null ? BsonNull.VALUE : new BsonString(value);
    }

    private static String string(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        return value == null || value.isNull() ? null : value.asString().getValue();
    }

    @SuppressWarnings("unchecked")
    private static VapiSession session(BsonDocument document) {
        Map<String, Object> body = BsonJson.toMap(document.getDocument("body"));
        return new VapiSession(new VapiSessionId(document.getString("_id").getValue()),
                new UserId(document.getString("userId").getValue()), string(document, "name"),
                StoredNames.status(document.getString("status").getValue()),
                ((Number) body.get("expirationSeconds")).intValue(), string(document, "assistantId"),
                (Map<String, Object>) body.get("assistant"), (Map<String, Object>) body.get("assistantOverrides"),
                (List<Map<String, Object>>) body.get("messages"), (Map<String, Object>) body.get("metadata"),
                document.getNumber("createdAt").longValue(), document.getNumber("updatedAt").longValue(),
                document.getNumber("version").longValue());
    }
}
