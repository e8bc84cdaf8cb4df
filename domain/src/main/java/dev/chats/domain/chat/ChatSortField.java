package dev.chats.domain.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns a chat list may be ordered by ({@code order_by} on the wire). */
public enum ChatSortField {
    UPDATED_AT("updated_at"),
    CREATED_AT("created_at"),
    TITLE("title");

    private final String wireName;

    ChatSortField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ChatSortField> fromWire(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName.equals(wanted)).findFirst();
    }

    public static String allowedValues() {
        return Arrays.stream(values()).map(ChatSortField::wireName).collect(Collectors.joining(", "));
    }
}
