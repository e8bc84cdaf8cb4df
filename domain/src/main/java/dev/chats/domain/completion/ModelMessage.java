package dev.chats.domain.completion;

import java.util.Objects;

/** One message of a conversation as a model reads it: a role ({@code system}, {@code user} …) and its text. */
public record ModelMessage(String role, String content) {

    public ModelMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
