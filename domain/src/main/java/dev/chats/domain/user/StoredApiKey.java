package dev.chats.domain.user;

import java.util.Objects;

/**
 * A user's API key as stored: whose it is, its hash, what may be shown of it again, and when it was issued (epoch
 * seconds).
 */
public record StoredApiKey(UserId owner, ApiKeyHash hash, String hint, long createdAt) {

    public static final int MAX_HINT_LENGTH = 64;

    public StoredApiKey {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(hint, "hint");
        if (hint.isEmpty() || hint.length() > MAX_HINT_LENGTH) {
            throw new IllegalArgumentException("an API key hint is 1.." + MAX_HINT_LENGTH + " characters");
        }
    }

    /** The record of a key just issued to {@code owner}. */
    public static StoredApiKey of(UserId owner, ApiKey key, long createdAt) {
        return new StoredApiKey(owner, key.hash(), key.hint(), createdAt);
    }
}
