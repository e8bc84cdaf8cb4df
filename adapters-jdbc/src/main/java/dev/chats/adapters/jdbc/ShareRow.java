package dev.chats.adapters.jdbc;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.share.Share;
import dev.chats.domain.user.UserId;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A {@code chat_share} row: one chat's snapshot, whole. */
@MappedEntity("chat_share")
record ShareRow(@Id String id, String chatId, String userId, String title, String document, long createdAt,
                long updatedAt) {

    static final String COLUMNS = "id, chat_id, user_id, title, document, created_at, updated_at";

    Share toShare(JsonColumns json) {
        return new Share(id, new ChatId(chatId), new UserId(userId), title, json.readObject(document), createdAt,
                updatedAt);
    }
}
