package dev.chats.domain.vapi;

import java.util.Objects;
import java.util.Optional;

/** Identity of a saved assistant. */
public record SavedAssistantId(String value) {

    public static final int MAX_LENGTH = 64;

    public SavedAssistantId {
        Objects.requireNonNull(value, "assistant id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("assistant id must be 1.." + MAX_LENGTH + " characters");
        }
    }

    /** The id, if the text can be one; a text that cannot names no assistant. */
    public static Optional<SavedAssistantId> parse(String text) {
        return text == null || text.isBlank() || text.length() > MAX_LENGTH
                ? Optional.empty() : Optional.of(new SavedAssistantId(text));
    }

    @Override
    public String toString() {
        return value;
    }
}
