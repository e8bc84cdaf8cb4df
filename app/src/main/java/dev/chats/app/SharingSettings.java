package dev.chats.app;

import dev.chats.adapters.rest.settings.Switch;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * {@code chats.sharing.*}: whether users other than admins may export their chat statistics
 * ({@code ENABLE_COMMUNITY_SHARING}, Open WebUI's name, on by default). Read at start-up: a value other than true or
 * false stops it.
 */
@Context
@ConfigurationProperties("chats.sharing")
public final class SharingSettings {

    private boolean community = true;

    public boolean community() {
        return community;
    }

    public void setCommunity(String value) {
        community = Switch.parse("chats.sharing.community", "ENABLE_COMMUNITY_SHARING", value);
    }
}
