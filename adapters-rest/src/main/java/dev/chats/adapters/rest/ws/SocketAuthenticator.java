package dev.chats.adapters.rest.ws;

import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.security.AuthenticatedUsers;
import dev.chats.adapters.rest.security.SessionTokens;
import dev.chats.adapters.rest.security.SessionUsers;
import dev.chats.application.port.in.identity.ApiKeysDisabledException;
import dev.chats.application.port.in.identity.RevokedSessionException;
import dev.chats.application.port.in.identity.UnknownApiKeyException;
import dev.chats.application.port.in.identity.UnknownUserException;
import dev.chats.domain.port.StoreUnavailableException;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.websocket.CloseReason;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;

/**
 * Checks the token a socket presents exactly as a REST request's is checked: the same validators (a JWT's signature
 * and expiry, an API key's shape), then revocation (sign-out, password change) or the key's owner, and the user read
 * afresh from the store, who must be
 * verified ({@code user} or {@code admin}) — pending users get no events. Blocks on the user store: call it off the
 * event loop.
 */
@Singleton
public final class SocketAuthenticator {

    static final CloseReason INVALID_TOKEN = new CloseReason(1008, OpenWebUiMessages.INVALID_TOKEN);
    static final CloseReason PROHIBITED = new CloseReason(1008, OpenWebUiMessages.ACCESS_PROHIBITED);
    static final CloseReason API_KEYS_OFF = new CloseReason(1008, SessionUsers.API_KEY_NOT_ALLOWED);
    static final CloseReason STORE_DOWN = new CloseReason(1013, "The database is unavailable right now");
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(10);

    private final List<TokenValidator<HttpRequest<?>>> validators;
    private final AuthenticatedUsers users;

    SocketAuthenticator(List<TokenValidator<HttpRequest<?>>> validators, AuthenticatedUsers users) {
        this.validators = validators;
        this.users = users;
    }

    /** What became of a token: the user and the token's expiry, or why the socket is refused. */
    public record Outcome(User user, Long expiresAtEpochSeconds, CloseReason refusal) {

        public static Outcome refused(CloseReason reason) {
            return new Outcome(null, null, reason);
        }

        public boolean accepted() {
            return user != null;
        }
    }

    /**
     * @param request the request that carried the token, handed to the validators as the security filter does; null
     *                where the token came in a message rather than with a request (the validators accept that)
     */
    public Outcome authenticate(String token, @Nullable HttpRequest<?> request) {
        if (token == null || token.isBlank()) {
            return Outcome.refused(INVALID_TOKEN);
        }
        Authentication authentication;
        try {
            authentication = Flux.fromIterable(validators)
                    .concatMap(validator -> validator.validateToken(token, request))
                    .next()
                    .block(VALIDATION_TIMEOUT);
        } catch (RuntimeException e) {
            return Outcome.refused(INVALID_TOKEN);
        }
        if (authentication == null) {
            return Outcome.refused(INVALID_TOKEN);
        }
        User user;
        try {
            user = users.user(authentication);
        } catch (RevokedSessionException | UnknownUserException | UnknownApiKeyException | IllegalArgumentException
                 | NullPointerException e) {
            return Outcome.refused(INVALID_TOKEN);
        } catch (ApiKeysDisabledException e) {
            return Outcome.refused(API_KEYS_OFF);
        } catch (StoreUnavailableException e) {
            return Outcome.refused(STORE_DOWN);
        }
        if (!user.role().isVerified()) {
            return Outcome.refused(PROHIBITED);
        }
        return new Outcome(user, SessionTokens.expiresAt(token), null);
    }
}
