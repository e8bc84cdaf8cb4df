package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.TimeBounds;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Persistence adapter: saved assistants in MongoDB's {@code vapi_assistants}, the definition in {@code body};
 * every query and index leads with {@code userId}.
 */
@Singleton
@MongoPersistence
public final class MongoSavedAssistantRepository implements SavedAssistantRepository {

    static final String VAPI_ASSISTANTS = "vapi_assistants";

    private final MongoStore store;
    private final MongoCollection<BsonDocument> assistants;

    public MongoSavedAssistantRepository(MongoStore store) {
        this.store = store;
        this.assistants = store.collection(VAPI_ASSISTANTS);
        store.call("create assistant indexes", () -> assistants.createIndexes(List.of(new IndexModel(
                Indexes.ascending("userId", "createdAt", "_id"), new IndexOptions().name("vapi_assistants_user_created")))));
    }

    @Override
    public void add(SavedAssistant assistant) {
        store.call("add assistant", () -> assistants.insertOne(document(assistant)));
    }

    @Override
    public Optional<SavedAssistant> findById(UserId owner, SavedAssistantId id) {
        return store.call("find assistant", () -> Optional.ofNullable(assistants.find(key(owner, id)).first())
                .map(MongoSavedAssistantRepository::assistant));
    }

    @Override
    public boolean update(SavedAssistant updated) {
        return store.call("update assistant", () -> assistants.replaceOne(
                Filters.and(key(updated.ownerId(), updated.id()), Filters.eq("version", updated.version() - 1)),
                document(updated)).getModifiedCount() == 1);
    }

    @Override
    public Optional<SavedAssistant> delete(UserId owner, SavedAssistantId id) {
        return store.call("delete assistant", () -> Optional.ofNullable(assistants.findOneAndDelete(key(owner, id)))
                .map(MongoSavedAssistantRepository::assistant));
    }

    @Override
    public List<SavedAssistant> list(UserId owner, TimeBounds createdAt, TimeBounds updatedAt, int limit) {
        if (limit == 0) {
            return List.of();
        }
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("userId", owner.value()));
        bounds(filters, "createdAt", createdAt);
        bounds(filters, "updatedAt", updatedAt);
        return store.call("list assistants", () -> assistants.find(Filters.and(filters))
                .sort(Sorts.descending("createdAt", "_id")).limit(limit)
                .map(MongoSavedAssistantRepository::assistant).into(new ArrayList<>()));
    }

    private static void bounds(List<Bson> filters, String field, TimeBounds bounds) {
        if (bounds.gt() != null) {
            filters.add(Filters.gt(field, bounds.gt()));
        }
        if (bounds.ge() != null) {
            filters.add(Filters.gte(field, bounds.ge()));
        }
        if (bounds.lt() != null) {
            filters.add(Filters.lt(field, bounds.lt()));
        }
        if (bounds.le() != null) {
            filters.add(Filters.lte(field, bounds.le()));
        }
    }

    private static Bson key(UserId owner, SavedAssistantId id) {
        return Filters.and(Filters.eq("userId", owner.value()), Filters.eq("_id", id.value()));
    }

    private static BsonDocument document(SavedAssistant assistant) {
        return new BsonDocument("_id", new BsonString(assistant.id().value()))
                .append("userId", new BsonString(assistant.ownerId().value()))
                .append("createdAt", new BsonInt64(assistant.createdAt()))
                .append("updatedAt", new BsonInt64(assistant.updatedAt()))
                .append("version", new BsonInt64(assistant.version()))
                .append("body", BsonJson.toBson(assistant.definition()));
    }

    private static SavedAssistant assistant(BsonDocument document) {
        return new SavedAssistant(new SavedAssistantId(document.getString("_id").getValue()),
                new UserId(document.getString("userId").getValue()), BsonJson.toMap(document.getDocument("body")),
                document.getNumber("createdAt").longValue(), document.getNumber("updatedAt").longValue(),
                document.getNumber("version").longValue());
    }
}
