package dev.chats.adapters.jdbc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A {@code chat} row as a chat is restored from it: the document without its messages ({@code body}) and the
 * record columns; the messages come from {@link MessageRow}s. JSON columns stay text here, read by
 * {@link JsonColumns}.
 */
@MappedEntity("chat")
record ChatRow(@Id String id, String userId, String body, long createdAt, long updatedAt, @Nullable String shareId,
               boolean archived, boolean pinned, String meta, @Nullable String folderId, long version) {

    static final String COLUMNS = "id, user_id, body, created_at, updated_at, share_id, archived, pinned, meta,"
            + " folder_id, version";
}
