package dev.chats.domain.share;

import dev.chats.domain.chat.ChatId;

import java.util.Objects;

/** One line of a user's list of shares: which chat, under which share id, its title and times; no document. */
public record ShareSummary(String id, ChatId chatId, String title, long createdAt, long updatedAt) {

    public ShareSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(title, "title");
    }
}
