package dev.chats.adapters.rest.security;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.application.port.in.identity.ApiKeysDisabledException;
import dev.chats.application.port.in.identity.RevokedSessionException;
import dev.chats.application.port.in.identity.UnknownApiKeyException;
import dev.chats.application.port.in.identity.UnknownUserException;
import dev.chats.domain.user.User;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Resolves the user behind a request's verified token or API key, read afresh from the store, and answers the
 * failures the way Open WebUI's {@code get_current_user} / {@code get_verified_user} do. A signed-out token, or one
 * issued before the user's last password change, is refused as Open WebUI refuses a revoked one; an unknown API key
 * as an invalid token, and any API key while keys are disabled with 403.
 */
@Singleton
public final class SessionUsers {

    /** Open WebUI's {@code detail} for a token whose {@code jti} was revoked. */
    public static final String REVOKED_TOKEN = "Invalid token";
    /** Open WebUI's {@code API_KEY_NOT_ALLOWED}: a key presented while keys are disabled. */
    public static final String API_KEY_NOT_ALLOWED = "Use of API key is not enabled in the environment.";

    private final AuthenticatedUsers users;

    SessionUsers(AuthenticatedUsers users) {
        this.users = users;
    }

    /**
     * The signed-in user whatever their role ({@code pending} included).
     *
     * @throws ApiException 401 {@code Invalid token} if the token was signed out or predates a password change;
     *                      401 {@code INVALID_TOKEN} if the token's user no longer exists, or the API key is no
     *                      (living) user's; 403 {@code API_KEY_NOT_ALLOWED} for an API key while keys are disabled;
     *                      403/401 as for a rejected request if the request carries no valid token at all
     */
    public User current(HttpRequest<?> request) {
        Authentication authentication = request.getUserPrincipal(Authentication.class)
                .orElseThrow(() -> unauthenticated(request));
        try {
            return users.user(authentication);
        } catch (RevokedSessionException e) {
            throw ApiException.unauthorized(REVOKED_TOKEN);
        } catch (UnknownUserException | UnknownApiKeyException | IllegalArgumentException | NullPointerException e) {
            throw ApiException.unauthorized(OpenWebUiMessages.INVALID_TOKEN);
        } catch (ApiKeysDisabledException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, API_KEY_NOT_ALLOWED);
        }
    }

    /**
     * The signed-in user, who must be verified ({@code user} or {@code admin}).
     *
     * @throws ApiException 401 {@code ACCESS_PROHIBITED} for a {@code pending} user, else as {@link #current}
     */
    public User verified(HttpRequest<?> request) {
        User user = current(request);
        if (!user.role().isVerified()) {
            throw ApiException.unauthorized(OpenWebUiMessages.ACCESS_PROHIBITED);
        }
        return user;
    }

    /** Reached only if a route binds the user without being secured; answers as the rejection handler would. */
    private static ApiException unauthenticated(HttpRequest<?> request) {
        return PresentedToken.find(request).isPresent()
                ? ApiException.unauthorized(OpenWebUiMessages.UNAUTHORIZED)
                : new ApiException(HttpStatus.FORBIDDEN, OpenWebUiMessages.NOT_AUTHENTICATED);
    }
}
