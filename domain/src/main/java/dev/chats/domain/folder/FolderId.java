package dev.chats.domain.folder;

import dev.chats.domain.text.StorableText;

import java.util.Objects;

/** Identity of a folder. */
public record FolderId(String value) {

    public static final int MAX_LENGTH = 64;

    public FolderId {
        Objects.requireNonNull(value, "folder id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("folder id must be 1.." + MAX_LENGTH + " characters");
        }
        if (!StorableText.isStorable(value)) {
            throw new IllegalArgumentException("folder id holds a character no store can keep");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
