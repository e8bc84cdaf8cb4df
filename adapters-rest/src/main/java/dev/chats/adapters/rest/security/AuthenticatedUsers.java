package dev.chats.adapters.rest.security;

import dev.chats.application.port.in.identity.ApiKeyUserUseCase;
import dev.chats.application.port.in.identity.GetSessionUserUseCase;
import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.User;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The user a verified credential stands for, read afresh from the store: the owner of an API key, or the user of a
 * session token that was not revoked. One place for REST routes and the WebSocket, which translate its failures
 * each in their own way. Blocks on the store: call it off the event loop.
 */
@Singleton
public final class AuthenticatedUsers {

    private final GetSessionUserUseCase sessionUser;
    private final ApiKeyUserUseCase keyOwner;

    AuthenticatedUsers(GetSessionUserUseCase sessionUser, ApiKeyUserUseCase keyOwner) {
        this.sessionUser = sessionUser;
        this.keyOwner = keyOwner;
    }

    /**
     * @throws dev.chats.application.port.in.identity.ApiKeysDisabledException for an API key while keys are off
     * @throws dev.chats.application.port.in.identity.UnknownApiKeyException   for an API key that is not (or no longer) any
     *                                                                 user's
     * @throws dev.chats.application.port.in.identity.RevokedSessionException  for a signed-out or outdated session token
     * @throws dev.chats.application.port.in.identity.UnknownUserException     for a session token whose user is gone
     * @throws IllegalArgumentException                                for a token this server did not shape
     */
    public User user(Authentication authentication) {
        Optional<ApiKeyHash> key = ApiKeyClaims.keyHash(authentication);
        if (key.isPresent()) {
            return keyOwner.keyOwner(key.get());
        }
        return sessionUser.sessionUser(SessionClaims.of(authentication));
    }
}
