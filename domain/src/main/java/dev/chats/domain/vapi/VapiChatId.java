package dev.chats.domain.vapi;

import java.util.Objects;
import java.util.Optional;

/** Identity of a Vapi chat (one turn of a conversation). */
public record VapiChatId(String value) {

    public static final int MAX_LENGTH = 64;

    public VapiChatId {
        Objects.requireNonNull(value, "chat id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("chat id must be 1.." + MAX_LENGTH + " characters");
        }
    }

    /** The id, if the text can be one; a text that cannot names no chat. */
    public static Optional<VapiChatId> parse(String text) {
        return text == null || text.isBlank() || text.length() > MAX_LENGTH
                ? Optional.empty() : Optional.of(new VapiChatId(text));
    }

    @Override
    public String toString() {
        return value;
    }
}
