package dev.chats.adapters.jdbc;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import io.micronaut.data.annotation.MappedEntity;

/** A {@code vapi_assistant} row: the definition as one JSON column. */
@MappedEntity("vapi_assistant")
record SavedAssistantRow(String userId, String id, long createdAt, long updatedAt, long version, String body) {

    static final String COLUMNS = "user_id, id, created_at, updated_at, version, body";

    SavedAssistant toAssistant(JsonColumns json) {
        return new SavedAssistant(new SavedAssistantId(id), new UserId(userId), json.readObject(body), createdAt,
                updatedAt, version);
    }
}
