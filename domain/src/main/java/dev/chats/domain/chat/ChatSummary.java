package dev.chats.domain.chat;

/** The light view of a chat that title lists return: never carries the document. */
public record ChatSummary(ChatId id, String title, long updatedAt, long createdAt) {
}
