package dev.chats.adapters.jdbc;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The columns of a {@code chat} row that statistics read: no flags, no folder, no version. */
@MappedEntity("chat")
record ChatFactsRow(@Id String id, String userId, String body, long createdAt, long updatedAt, String meta) {

    static final String COLUMNS = "id, user_id, body, created_at, updated_at, meta";
}
