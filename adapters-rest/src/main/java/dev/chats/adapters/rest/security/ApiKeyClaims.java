package dev.chats.adapters.rest.security;

import dev.chats.domain.user.ApiKeyHash;
import io.micronaut.security.authentication.Authentication;

import java.util.Map;
import java.util.Optional;

/**
 * The {@link Authentication} an API key stands for until its owner is read: the key's hash, never the key, so that
 * nothing holding the request's principal can leak it.
 */
public final class ApiKeyClaims {

    static final String KEY_HASH = "api_key_hash";
    private static final String NAME = "api-key";

    private ApiKeyClaims() {
    }

    static Authentication authentication(ApiKeyHash hash) {
        return Authentication.build(NAME, Map.of(KEY_HASH, hash.value()));
    }

    /** The hash of the key the authentication stands for; empty for a session token's. */
    public static Optional<ApiKeyHash> keyHash(Authentication authentication) {
        Object hash = authentication.getAttributes().get(KEY_HASH);
        return hash == null ? Optional.empty() : Optional.of(new ApiKeyHash(hash.toString()));
    }
}
