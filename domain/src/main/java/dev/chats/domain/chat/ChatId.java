package dev.chats.domain.chat;

import dev.chats.domain.text.StorableText;

import java.util.Objects;

/** Identity of a chat: a non-blank string (UUIDs for chats created here; imported ids are kept as given). */
public record ChatId(String value) {

    public static final int MAX_LENGTH = 64;

    public ChatId {
        Objects.requireNonNull(value, "chat id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("chat id must be 1.." + MAX_LENGTH + " characters");
        }
        if (!StorableText.isStorable(value)) {
            throw new IllegalArgumentException("chat id holds a character no store can keep");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
