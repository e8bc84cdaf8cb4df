package dev.chats.domain.chat;

import java.util.Locale;
import java.util.Optional;

/** Ascending or descending ({@code direction} on the wire, case-insensitive). */
public enum SortDirection {
    ASC, DESC;

    public static Optional<SortDirection> fromWire(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> Optional.of(ASC);
            case "desc" -> Optional.of(DESC);
            default -> Optional.empty();
        };
    }
}
