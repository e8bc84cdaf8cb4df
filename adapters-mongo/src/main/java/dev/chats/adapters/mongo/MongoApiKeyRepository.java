package dev.chats.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;

import java.util.Optional;

/**
 * Persistence adapter: API keys in MongoDB's {@code api_keys}, one document per user ({@code _id} the user id) holding
 * the key's hash under a unique index, by which a presented key is found. Users are never deleted through this
 * server; a key whose user is gone is refused by the use case, which reads the user too.
 */
@Singleton
@MongoPersistence
public final class MongoApiKeyRepository implements ApiKeyRepository {

    static final String API_KEYS = "api_keys";

    private final MongoStore store;
    private final MongoCollection<BsonDocument> keys;

    public MongoApiKeyRepository(MongoStore store) {
        this.store = store;
        this.keys = store.collection(API_KEYS);
        store.call("create the API key index", () -> keys.createIndex(Indexes.ascending("keyHash"),
                new IndexOptions().unique(true).name("api_keys_hash")));
    }

    @Override
    public void replace(StoredApiKey key) {
        BsonDocument document = new BsonDocument("_id", new BsonString(key.owner().value()))
                .append("keyHash", new BsonString(key.hash().value()))
                .append("hint", new BsonString(key.hint()))
                .append("createdAt", new BsonInt64(key.createdAt()));
        store.call("store an API key", () -> {
            try {
                return keys.replaceOne(owner(key.owner()), document, new ReplaceOptions().upsert(true));
            } catch (MongoException e) {
                // Two first keys for one user at once: the later upsert's insert loses; run again, it replaces.
                if (!MongoStore.isDuplicateKey(e)) {
                    throw e;
                }
                return keys.replaceOne(owner(key.owner()), document, new ReplaceOptions().upsert(true));
            }
        });
    }

    @Override
    public Optional<StoredApiKey> findByOwner(UserId owner) {
        return store.call("read an API key", () -> Optional.ofNullable(keys.find(owner(owner)).first())
                .map(document -> new StoredApiKey(owner, new ApiKeyHash(document.getString("keyHash").getValue()),
                        document.getString("hint").getValue(), document.getInt64("createdAt").getValue())));
    }

    @Override
    public Optional<UserId> findOwner(ApiKeyHash hash) {
        return store.call("find an API key", () -> Optional.ofNullable(keys.find(Filters.eq("keyHash", hash.value()))
                        .projection(Projections.include("_id")).first())
                .map(document -> new UserId(document.getString("_id").getValue())));
    }

    @Override
    public boolean delete(UserId owner) {
        return store.call("delete an API key", () -> keys.deleteOne(owner(owner)).getDeletedCount() > 0);
    }

    private static org.bson.conversions.Bson owner(UserId owner) {
        return Filters.eq("_id", owner.value());
    }
}
