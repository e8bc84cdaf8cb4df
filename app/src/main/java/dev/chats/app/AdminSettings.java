package dev.chats.app;

import dev.chats.adapters.rest.settings.Switch;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * {@code chats.admin.*}: whether admins may read other users' chats ({@code ENABLE_ADMIN_CHAT_ACCESS}) and export
 * every chat ({@code ENABLE_ADMIN_EXPORT}), both on by default. Read at start-up: a value other than true or false
 * stops it.
 */
@Context
@ConfigurationProperties("chats.admin")
public final class AdminSettings {

    private boolean chatAccess = true;
    private boolean export = true;

    public boolean chatAccess() {
        return chatAccess;
    }

    public boolean export() {
        return export;
    }

    public void setChatAccess(String value) {
        chatAccess = Switch.parse("chats.admin.chat-access", "ENABLE_ADMIN_CHAT_ACCESS", value);
    }

    public void setExport(String value) {
        export = Switch.parse("chats.admin.export", "ENABLE_ADMIN_EXPORT", value);
    }
}
