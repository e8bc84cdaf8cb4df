package dev.chats.adapters.rest.auth;

import dev.chats.adapters.rest.settings.Switch;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * {@code chats.auth.cookie-secure} ({@code CHATS_AUTH_COOKIE_SECURE}, off by default): whether the {@code token}
 * cookie set at sign-in carries {@code Secure}, for a server reached over HTTPS only. Read at start-up: a value other
 * than true or false stops it naming the setting.
 */
@Context
@ConfigurationProperties("chats.auth")
public final class AuthCookieSettings {

    private boolean cookieSecure;

    public boolean cookieSecure() {
        return cookieSecure;
    }

    public void setCookieSecure(String value) {
        cookieSecure = Switch.parse("chats.auth.cookie-secure", "CHATS_AUTH_COOKIE_SECURE", value);
    }
}
