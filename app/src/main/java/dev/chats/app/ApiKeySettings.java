package dev.chats.app;

import dev.chats.adapters.rest.settings.Switch;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * {@code chats.auth.api-keys.enabled} ({@code ENABLE_API_KEY}, Open WebUI's name; on by default): whether users may
 * issue API keys and present them instead of a session token. Read at start-up: a value other than true or false
 * stops it naming the setting.
 */
@Context
@ConfigurationProperties("chats.auth.api-keys")
public final class ApiKeySettings {

    private boolean enabled = true;

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(String value) {
        enabled = Switch.parse("chats.auth.api-keys.enabled", "ENABLE_API_KEY", value);
    }
}
