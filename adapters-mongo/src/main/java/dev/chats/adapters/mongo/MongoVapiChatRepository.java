package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;
import jakarta.inject.Singleton;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Persistence adapter: Vapi chats in MongoDB's {@code vapi_chats}, one document per turn, written once (rewritten
 * only to give a continuation its whole context): the filtered and sorted fields at the top, whether it holds its
 * own turn only ({@code turnOnly}), the rest of the chat in {@code body}. Every query leads with {@code userId}, and
 * each list filter has an index that leads with it (created at start-up, idempotently). A chain of turns is read
 * back with one {@code $graphLookup} of ids and one read of the chats it needs. The unfiltered count is the owner's
 * counter ({@link VapiChatCounts}).
 */
@Singleton
@MongoPersistence
public final class MongoVapiChatRepository implements VapiChatRepository {

    static final String VAPI_CHATS = "vapi_chats";
    static final String VAPI_CHAT_OWNERS = "vapi_chat_owners";

    private final MongoStore store;
    private final MongoCollection<BsonDocument> chats;
    private final VapiChatCounts counts;

    public MongoVapiChatRepository(MongoStore store) {
        this.store = store;
        this.chats = store.collection(VAPI_CHATS);
        this.counts = new VapiChatCounts(store.collection(VAPI_CHAT_OWNERS), chats);
        store.call("create vapi chat indexes", () -> chats.createIndexes(List.of(
                index("vapi_chats_user_created", "createdAt"),
                index("vapi_chats_user_updated", "updatedAt"),
                index("vapi_chats_user_assistant", "assistantId", "createdAt"),
                index("vapi_chats_user_session", "sessionId", "createdAt"),
                index("vapi_chats_user_previous", "previousChatId", "createdAt"),
                index("vapi_chats_user_cost", "cost"))));
    }

    private static IndexModel index(String name, String... fields) {
        List<String> keys = new ArrayList<>();
        keys.add("userId");
        keys.addAll(List.of(fields));
        keys.add("_id");
        return new IndexModel(Indexes.ascending(keys), new IndexOptions().name(name));
    }

    @Override
    public void add(VapiChat chat) {
        store.call("add vapi chat", () -> {
            counts.around(chat.ownerId(), () -> chats.insertOne(document(chat)), inserted -> 1);
            return null;
        });
    }

    @Override
    public List<VapiChat> withAncestors(UserId owner, Collection<VapiChatId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return store.call("read vapi chats with their ancestors", () -> {
            // The ids of the chains first (small documents), then the chats a read needs, each once.
            Map<String, BsonDocument> links = new HashMap<>();
            // Documents of layout 1 have no turnOnly: false, spelt out (a missing value breaks the test server).
            BsonDocument link = new BsonDocument("_id", new BsonString("$$c._id"))
                    .append("previousChatId", new BsonString("$$c.previousChatId"))
                    .append("turnOnly", new BsonDocument("$ifNull", new BsonArray(List.of(
                            new BsonString("$$c.turnOnly"), BsonBoolean.FALSE))));
            BsonDocument chainLinks = new BsonDocument("$map", new BsonDocument("input", new BsonString("$chain"))
                    .append("as", new BsonString("c")).append("in", link));
            chats.aggregate(List.of(
                    Aggregates.match(Filters.and(Filters.eq("userId", owner.value()),
                            Filters.in("_id", ids.stream().map(VapiChatId::value).toList()))),
                    Aggregates.graphLookup(VAPI_CHATS, "$previousChatId", "previousChatId", "_id", "chain"),
                    Aggregates.project(new BsonDocument("previousChatId", new BsonInt32(1))
                            .append("turnOnly", new BsonInt32(1)).append("chain", chainLinks)))).forEach(seed -> {
                links.put(seed.getString("_id").getValue(), seed);
                seed.getArray("chain").forEach(found -> links.put(found.asDocument().getString("_id").getValue(),
                        found.asDocument()));
            });
            Set<String> needed = new LinkedHashSet<>();
            for (VapiChatId id : ids) {
                BsonDocument at = links.get(id.value());
                while (at != null && needed.add(at.getString("_id").getValue())
                        && at.getBoolean("turnOnly", BsonBoolean.FALSE).getValue()) {
                    String previous = string(at, "previousChatId");
                    at = previous == null ? null : links.get(previous);
                }
            }
            List<VapiChat> found = new ArrayList<>();
            if (!needed.isEmpty()) {
                chats.find(Filters.and(Filters.eq("userId", owner.value()), Filters.in("_id", needed)))
                        .forEach(document -> found.add(chat(document)));
            }
            return found;
        });
    }

    @Override
    public List<VapiChat> sessionTurns(UserId owner, Collection<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return store.call("read vapi session turns", () -> {
            List<VapiChat> found = new ArrayList<>();
            chats.find(Filters.and(Filters.eq("userId", owner.value()), Filters.in("sessionId", sessionIds),
                    Filters.eq("turnOnly", true))).forEach(document -> found.add(chat(document)));
            return found;
        });
    }

    @Override
    public boolean replace(VapiChat chat) {
        return store.call("replace vapi chat", () -> chats.replaceOne(key(chat.ownerId(), chat.id()),
                document(chat)).getMatchedCount() == 1);
    }

    @Override
    public Optional<VapiChat> findById(UserId owner, VapiChatId id) {
        return store.call("find vapi chat", () -> Optional.ofNullable(chats.find(key(owner, id)).first())
                .map(MongoVapiChatRepository::chat));
    }

    @Override
    public Optional<VapiChat> delete(UserId owner, VapiChatId id) {
        return store.call("delete vapi chat", () -> {
            Optional<BsonDocument> deleted = counts.around(owner,
                    () -> Optional.ofNullable(chats.findOneAndDelete(key(owner, id))),
                    found -> found.isPresent() ? -1 : 0);
            return deleted.map(MongoVapiChatRepository::chat);
        });
    }

    @Override
    public VapiChatPage list(VapiChatQuery query) {
        if (query.ids() != null && query.ids().isEmpty()
                || query.assistantIds() != null && query.assistantIds().isEmpty()) {
            return new VapiChatPage(List.of(), 0);
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("userId", query.owner().value()));
        if (query.ids() != null) {
            filters.add(Filters.in("_id", query.ids().stream().map(VapiChatId::value).toList()));
        }
        if (query.assistantIds() != null) {
            filters.add(Filters.in("assistantId", query.assistantIds()));
        }
        if (query.sessionId() != null) {
            filters.add(Filters.eq("sessionId", query.sessionId()));
        }
        if (query.previousChatId() != null) {
            filters.add(Filters.eq("previousChatId", query.previousChatId().value()));
        }
        OwnedPages.within(filters, "createdAt", query.createdAt());
        OwnedPages.within(filters, "updatedAt", query.updatedAt());
        Bson filter = Filters.and(filters);
        Bson order = query.ascending() ? Sorts.ascending("createdAt", "_id") : Sorts.descending("createdAt", "_id");
        // Keyset: the chats after the cursor's (createdAt, _id) in the list's order; the count ignores it.
        Bson pageFilter = filter;
        if (query.after() != null) {
            long at = query.after().createdAt();
            String id = query.after().id().value();
            pageFilter = Filters.and(filter, query.ascending()
                    ? Filters.or(Filters.gt("createdAt", at),
                            Filters.and(Filters.eq("createdAt", at), Filters.gt("_id", id)))
                    : Filters.or(Filters.lt("createdAt", at),
                            Filters.and(Filters.eq("createdAt", at), Filters.lt("_id", id))));
        }
        Bson paged = pageFilter;
        boolean ownerOnly = filters.size() == 1;
        return store.call("list vapi chats", () -> {
            OwnedPages.Page<VapiChat> page = ownerOnly
                    ? OwnedPages.page(chats, paged, order, query.limit(), query.offset(), ownerChats(query.owner()),
                            MongoVapiChatRepository::chat)
                    : OwnedPages.countAndPage(chats, filter, paged, order, query.limit(), query.offset(),
                            MongoVapiChatRepository::chat);
            return new VapiChatPage(page.rows(), page.total());
        });
    }

    private long ownerChats(UserId owner) {
        return counts.of(owner);
    }

    /** Counts every owner's chats afresh: for a database whose chats were written before the counters were kept. */
    static void recountOwners(MongoDatabase database) {
        MongoCollection<BsonDocument> owners = database.getCollection(VAPI_CHAT_OWNERS, BsonDocument.class);
        owners.deleteMany(new BsonDocument());
        database.getCollection(VAPI_CHATS, BsonDocument.class).aggregate(List.of(
                Aggregates.group("$userId", Accumulators.sum("chats", 1L)))).forEach(count -> owners.insertOne(
                        new BsonDocument("_id", count.get("_id")).append("chats", count.get("chats"))));
    }

    private static Bson key(UserId owner, VapiChatId id) {
        return Filters.and(Filters.eq("userId", owner.value()), Filters.eq("_id", id.value()));
    }

    private static BsonDocument document(VapiChat chat) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assistant", chat.assistant());
        body.put("assistantOverrides", chat.assistantOverrides());
        body.put("name", chat.name());
        body.put("input", chat.input());
        body.put("stream", chat.stream());
        body.put("messages", chat.messages());
        body.put("output", chat.output());
        body.put("costs", chat.costs());
        return new BsonDocument("_id", new BsonString(chat.id().value()))
                .append("userId", new BsonString(chat.ownerId().value()))
                .append("assistantId", string(chat.assistantId()))
                .append("sessionId", string(chat.sessionId()))
                .append("previousChatId", string(chat.previousChatId() == null ? null : chat.previousChatId().value()))
                .append("createdAt", new BsonInt64(chat.createdAt()))
                .append("updatedAt", new BsonInt64(chat.updatedAt()))
                .append("cost", new BsonDouble(chat.cost()))
                .append("turnOnly", BsonBoolean.valueOf(chat.turnOnly()))
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
    private static VapiChat chat(BsonDocument document) {
        Map<String, Object> body = BsonJson.toMap(document.getDocument("body"));
        String previous = string(document, "previousChatId");
        return new VapiChat(new VapiChatId(document.getString("_id").getValue()),
                new UserId(document.getString("userId").getValue()), string(document, "assistantId"),
                (Map<String, Object>) body.get("assistant"), (Map<String, Object>) body.get("assistantOverrides"),
                (String) body.get("name"), string(document, "sessionId"),
                previous == null ? null : new VapiChatId(previous), body.get("input"),
                Boolean.TRUE.equals(body.get("stream")), (List<Map<String, Object>>) body.get("messages"),
                (List<Map<String, Object>>) body.get("output"), (List<Map<String, Object>>) body.get("costs"),
                document.getNumber("cost").doubleValue(), document.getNumber("createdAt").longValue(),
                document.getNumber("updatedAt").longValue(),
                document.getBoolean("turnOnly", BsonBoolean.FALSE).getValue());
    }
}
