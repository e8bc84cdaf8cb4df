package dev.chats.domain.chat;

import java.util.Objects;

/** A total order for chat lists: the field and direction, then {@code id} ascending to break ties. */
public record ChatOrder(ChatSortField field, SortDirection direction) {

    /** The order of every list unless asked otherwise: most recently updated first. */
    public static final ChatOrder RECENT_FIRST = new ChatOrder(ChatSortField.UPDATED_AT, SortDirection.DESC);

    public ChatOrder {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
    }
}
