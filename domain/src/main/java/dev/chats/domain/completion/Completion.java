package dev.chats.domain.completion;

import java.util.Objects;

/** A model's whole answer to one conversation: its text and what it cost in tokens. */
public record Completion(String text, ModelUsage usage) {

    public Completion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
    }
}
