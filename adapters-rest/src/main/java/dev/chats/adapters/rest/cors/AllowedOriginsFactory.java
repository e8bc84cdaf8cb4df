package dev.chats.adapters.rest.cors;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Reads {@code chats.cors.allow-origin} ({@code CORS_ALLOW_ORIGIN}) once, for the CORS filter and the socket guard. */
@Factory
final class AllowedOriginsFactory {

    @Singleton
    AllowedOrigins allowedOrigins(@Value("${chats.cors.allow-origin:}") String setting) {
        return AllowedOrigins.parse(setting);
    }
}
