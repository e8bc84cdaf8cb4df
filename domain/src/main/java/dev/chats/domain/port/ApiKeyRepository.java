package dev.chats.domain.port;

import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.UserId;

import java.util.Optional;

/**
 * Output port: each user's API key, one per user as Open WebUI keeps it, stored by its hash only. A presented key is
 * found by its hash (unique across users), so this store is read by key rather than by owner on that path, as users
 * are read by e-mail address at sign-in.
 */
public interface ApiKeyRepository {

    /** Stores the key as its owner's only one, replacing an earlier key in the same atomic write. */
    void replace(StoredApiKey key);

    /** The owner's key, if they have one. */
    Optional<StoredApiKey> findByOwner(UserId owner);

    /** Whose key has this hash; empty for a key never issued or since replaced or deleted. */
    Optional<UserId> findOwner(ApiKeyHash hash);

    /** Deletes the owner's key; answers whether there was one. */
    boolean delete(UserId owner);
}
