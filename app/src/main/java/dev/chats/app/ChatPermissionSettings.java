package dev.chats.app;

import dev.chats.adapters.rest.settings.Switch;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * {@code chats.permissions.chat.*}: what non-admin users may do with their chats (Open WebUI's
 * {@code USER_PERMISSIONS_CHAT_*}, all on by default). Read at start-up: a value other than true or false stops it.
 */
@Context
@ConfigurationProperties("chats.permissions.chat")
public final class ChatPermissionSettings {

    private boolean delete = true;
    private boolean edit = true;
    private boolean share = true;
    private boolean export = true;

    public boolean delete() {
        return delete;
    }

    public boolean edit() {
        return edit;
    }

    public boolean share() {
        return share;
    }

    public boolean export() {
        return export;
    }

    public void setDelete(String value) {
        delete = Switch.parse("chats.permissions.chat.delete", "USER_PERMISSIONS_CHAT_DELETE", value);
    }

    public void setEdit(String value) {
        edit = Switch.parse("chats.permissions.chat.edit", "USER_PERMISSIONS_CHAT_EDIT", value);
    }

    public void setShare(String value) {
        share = Switch.parse("chats.permissions.chat.share", "USER_PERMISSIONS_CHAT_SHARE", value);
    }

    public void setExport(String value) {
        export = Switch.parse("chats.permissions.chat.export", "USER_PERMISSIONS_CHAT_EXPORT", value);
    }
}
