package dev.chats.adapters.jdbc;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.share.ShareSummary;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The columns of a {@code chat_share} row a list of shares reads: never the snapshot. */
@MappedEntity("chat_share")
record ShareTitleRow(@Id String id, String chatId, String title, long createdAt, long updatedAt) {

    static final String COLUMNS = "id, chat_id, title, created_at, updated_at";

    ShareSummary toSummary() {
        return new ShareSummary(id, new ChatId(chatId), title, createdAt, updatedAt);
    }
}
