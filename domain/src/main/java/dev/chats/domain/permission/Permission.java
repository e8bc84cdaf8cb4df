package dev.chats.domain.permission;

/** A user permission, named as Open WebUI names it. */
public enum Permission {
    CHAT_DELETE("chat.delete"),
    CHAT_EDIT("chat.edit"),
    CHAT_SHARE("chat.share"),
    CHAT_EXPORT("chat.export");

    private final String key;

    Permission(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
