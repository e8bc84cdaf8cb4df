package dev.chats.domain.share;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.json.JsonTree;
import dev.chats.domain.user.UserId;

import java.util.Map;
import java.util.Objects;

/**
 * A read-only snapshot of one chat published under a share id. Later edits of the chat do not reach it until the
 * chat is shared again, which refreshes the snapshot under the same id.
 */
public record Share(String id, ChatId chatId, UserId ownerId, String title, Map<String, Object> document,
                    long createdAt, long updatedAt) {

    public Share {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(title, "title");
        document = JsonTree.copyObject(Objects.requireNonNull(document, "document"));
    }

    /** A first snapshot of the chat under a new share id. */
    public static Share of(String shareId, Chat chat, long now) {
        return new Share(shareId, chat.id(), chat.ownerId(), chat.title(), chat.document(), chat.createdAt(), now);
    }

    /** The same share id, with the chat's current title and document. */
    public Share refreshedFrom(Chat chat, long now) {
        return new Share(id, chatId, ownerId, chat.title(), chat.document(), createdAt, now);
    }
}
