package dev.chats.adapters.jdbc;

import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.UserId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An {@code api_key} row: one user's key, kept as its hash. */
@MappedEntity("api_key")
record ApiKeyRow(@Id String userId, String keyHash, String hint, long createdAt) {

    static final String COLUMNS = "user_id, key_hash, hint, created_at";

    /** {@code key_hash} is a CHAR column, which some databases read back padded. */
    StoredApiKey toKey() {
        return new StoredApiKey(new UserId(userId), new ApiKeyHash(keyHash.trim()), hint, createdAt);
    }
}
