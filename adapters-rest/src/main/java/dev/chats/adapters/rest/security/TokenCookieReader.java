package dev.chats.adapters.rest.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.bearer.BearerTokenReader;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Token reader: the {@code token} cookie Open WebUI's browser client sends, consulted after the bearer header.
 */
@Singleton
final class TokenCookieReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return PresentedToken.fromCookie(request);
    }

    @Override
    public int getOrder() {
        // Lower orders come first: the header wins when both are present, as in Open WebUI.
        return BearerTokenReader.ORDER + 100;
    }
}
