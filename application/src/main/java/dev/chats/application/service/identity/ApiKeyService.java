package dev.chats.application.service.identity;

import dev.chats.application.port.in.identity.ApiKeyUserUseCase;
import dev.chats.application.port.in.identity.ApiKeysDisabledException;
import dev.chats.application.port.in.identity.ApiKeysUseCase;
import dev.chats.application.port.in.identity.UnknownApiKeyException;
import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.ApiKey;
import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * Issues, shows and deletes users' API keys and resolves a presented key to its owner. With keys turned off none is
 * issued and none authenticates; a user may still look at or delete the one they have.
 */
public final class ApiKeyService implements ApiKeysUseCase, ApiKeyUserUseCase {

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final Clock clock;
    private final boolean enabled;

    public ApiKeyService(ApiKeyRepository keys, UserRepository users, Clock clock, boolean enabled) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.users = Objects.requireNonNull(users, "users");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.enabled = enabled;
    }

    @Override
    public ApiKey issue(UserId user) {
        requireEnabled();
        ApiKey key = ApiKey.generate();
        keys.replace(StoredApiKey.of(user, key, clock.nowEpochSeconds()));
        return key;
    }

    @Override
    public Optional<String> hint(UserId user) {
        return keys.findByOwner(user).map(StoredApiKey::hint);
    }

    @Override
    public boolean delete(UserId user) {
        return keys.delete(user);
    }

    @Override
    public User keyOwner(ApiKeyHash hash) {
        requireEnabled();
        UserId owner = keys.findOwner(hash).orElseThrow(UnknownApiKeyException::new);
        // Not every store removes a user's key with the user: the user is read here, so a deleted one's key is dead.
        return users.findById(owner).orElseThrow(UnknownApiKeyException::new);
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new ApiKeysDisabledException();
        }
    }
}
