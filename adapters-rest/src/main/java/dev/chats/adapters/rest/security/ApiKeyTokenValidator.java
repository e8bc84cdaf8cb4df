package dev.chats.adapters.rest.security;

import dev.chats.domain.user.ApiKey;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Token validator: an {@code sk-…} bearer (or cookie) is an API key, as in Open WebUI. It is accepted here on its
 * shape alone, without a store lookup — the security filter runs on the event loop — and stands for its hash only;
 * whether a key of that hash exists, whose it is and whether keys are enabled is decided where the acting user is
 * read ({@link AuthenticatedUsers}), off the event loop, so an unknown key answers as Open WebUI answers one.
 */
@Singleton
final class ApiKeyTokenValidator implements TokenValidator<HttpRequest<?>> {

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (!ApiKey.isKeyShaped(token)) {
            return Mono.empty();
        }
        return Mono.just(ApiKeyClaims.authentication(new ApiKey(token).hash()));
    }
}
