package dev.chats.domain.port.fake;

import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Test double: a {@link RevokedTokens} in memory that passes the persistence contract. */
public final class InMemoryRevokedTokens implements RevokedTokens {

    private record Key(UserId owner, TokenId token) {
    }

    private final Map<Key, Long> expiries = new ConcurrentHashMap<>();

    @Override
    public void revoke(UserId owner, TokenId token, long expiresAt) {
        expiries.putIfAbsent(new Key(owner, token), expiresAt);
    }

    @Override
    public boolean isRevoked(UserId owner, TokenId token) {
        return expiries.containsKey(new Key(owner, token));
    }

    @Override
    public long purgeExpired(long now) {
        long before = expiries.size();
        expiries.values().removeIf(expiresAt -> expiresAt < now);
        return before - expiries.size();
    }
}
