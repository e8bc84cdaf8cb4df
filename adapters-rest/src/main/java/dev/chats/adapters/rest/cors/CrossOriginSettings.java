package dev.chats.adapters.rest.cors;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * {@code chats.cors.allow-origin} ({@code CORS_ALLOW_ORIGIN}): the origins whose pages may call the API and open
 * the sockets, read once for the CORS filter and the socket guard. Read at start-up: an entry that is not an origin
 * stops it naming the setting.
 */
@Context
@ConfigurationProperties("chats.cors")
public final class CrossOriginSettings {

    private AllowedOrigins allowOrigin = AllowedOrigins.parse("");

    public AllowedOrigins allowOrigin() {
        return allowOrigin;
    }

    public void setAllowOrigin(String value) {
        try {
            allowOrigin = AllowedOrigins.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("chats.cors.allow-origin (CORS_ALLOW_ORIGIN): " + e.getMessage());
        }
    }
}
