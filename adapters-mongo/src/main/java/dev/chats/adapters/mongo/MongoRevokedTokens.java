package dev.chats.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonString;

import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * Persistence adapter: revoked session tokens in the {@code revoked_tokens} collection, one document per token keyed
 * {@code {userId, jti}} (owner first, so it shards with the user's other data), its expiry a date under a TTL index:
 * MongoDB drops a revocation by itself once the token it revokes has expired.
 */
@Singleton
@MongoPersistence
public final class MongoRevokedTokens implements RevokedTokens {

    private final MongoStore store;
    private final MongoCollection<BsonDocument> revoked;

    public MongoRevokedTokens(MongoStore store) {
        this.store = store;
        this.revoked = store.collection(MongoStore.REVOKED_TOKENS);
        store.call("create the token revocation index", () -> revoked.createIndex(Indexes.ascending("expiresAt"),
                new IndexOptions().name("revoked_tokens_ttl").expireAfter(0L, TimeUnit.SECONDS)));
    }

    @Override
    public void revoke(UserId owner, TokenId token, long expiresAt) {
        store.call("revoke a session token", () -> {
            try {
                revoked.updateOne(Filters.eq("_id", key(owner, token)),
                        Updates.setOnInsert("expiresAt", new Date(expiresAt * 1000L)),
                        new UpdateOptions().upsert(true));
            } catch (MongoException e) {
                // Two sign-outs with one token at once: the second upsert's insert loses, and the token is revoked.
                if (!MongoStore.isDuplicateKey(e)) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public boolean isRevoked(UserId owner, TokenId token) {
        return store.call("check a session token",
                () -> revoked.find(Filters.eq("_id", key(owner, token))).limit(1).first() != null);
    }

    @Override
    public long purgeExpired(long now) {
        return store.call("purge expired token revocations",
                () -> revoked.deleteMany(Filters.lt("expiresAt", new Date(now * 1000L))).getDeletedCount());
    }

    private static BsonDocument key(UserId owner, TokenId token) {
        return new BsonDocument("userId", new BsonString(owner.value())).append("jti", new BsonString(token.value()));
    }
}
