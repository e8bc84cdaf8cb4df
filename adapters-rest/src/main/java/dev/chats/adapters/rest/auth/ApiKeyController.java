package dev.chats.adapters.rest.auth;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.security.SessionUsers;
import dev.chats.application.port.in.identity.ApiKeysDisabledException;
import dev.chats.application.port.in.identity.ApiKeysUseCase;
import dev.chats.domain.user.User;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * REST adapter: Open WebUI's {@code /api/v1/auths/api_key} — issue (or reissue) the caller's API key, show it, delete
 * it. Open to pending users too, as upstream ({@code get_current_user}). The key is stored hashed, so it is shown
 * whole only in the answer that issues it; {@code GET} answers its hint ({@code sk-} and its last four characters,
 * the rest masked), see {@code docs/api-keys.md}.
 */
@Controller("/api/v1/auths/api_key")
@Tag(name = ApiTags.AUTH)
@DetailErrors
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ApiKeyController {

    /** Open WebUI's {@code API_KEY_CREATION_NOT_ALLOWED}, with 403, while keys are disabled. */
    static final String CREATION_NOT_ALLOWED = "API key creation is not allowed in the environment.";
    /** Open WebUI's {@code API_KEY_NOT_FOUND}, with 404, for a user without a key. */
    static final String NOT_FOUND = "Oops! It looks like there's a hiccup. The API key is missing. Please make sure "
            + "to provide a valid API key to access this feature.";

    private final ApiKeysUseCase apiKeys;
    private final SessionUsers sessionUsers;

    public ApiKeyController(ApiKeysUseCase apiKeys, SessionUsers sessionUsers) {
        this.apiKeys = apiKeys;
        this.sessionUsers = sessionUsers;
    }

    /** A new key, replacing the caller's earlier one (which stops working at once). */
    @Post
    public ApiKeyResponse issue(HttpRequest<?> request) {
        User user = sessionUsers.current(request);
        try {
            return new ApiKeyResponse(apiKeys.issue(user.id()).value());
        } catch (ApiKeysDisabledException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, CREATION_NOT_ALLOWED);
        }
    }

    /** The caller's key as far as it can be shown again: its hint. */
    @Get
    public ApiKeyResponse show(HttpRequest<?> request) {
        User user = sessionUsers.current(request);
        return apiKeys.hint(user.id()).map(ApiKeyResponse::new)
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    /** Deletes the caller's key; {@code true} whether or not there was one, as upstream. */
    @Delete
    public boolean delete(HttpRequest<?> request) {
        apiKeys.delete(sessionUsers.current(request).id());
        return true;
    }
}
