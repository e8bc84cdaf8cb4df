package dev.chats.domain.port.fake;

import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.UserId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Test double: an {@link ApiKeyRepository} in memory that passes the persistence contract. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

    private final Map<UserId, StoredApiKey> byOwner = new HashMap<>();

    @Override
    public synchronized void replace(StoredApiKey key) {
        byOwner.put(key.owner(), key);
    }

    @Override
    public synchronized Optional<StoredApiKey> findByOwner(UserId owner) {
        return Optional.ofNullable(byOwner.get(owner));
    }

    @Override
    public synchronized Optional<UserId> findOwner(ApiKeyHash hash) {
        return byOwner.values().stream().filter(key -> key.hash().equals(hash)).map(StoredApiKey::owner).findFirst();
    }

    @Override
    public synchronized boolean delete(UserId owner) {
        return byOwner.remove(owner) != null;
    }
}
