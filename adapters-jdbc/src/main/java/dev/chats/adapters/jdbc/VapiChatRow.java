package dev.chats.adapters.jdbc;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedEntity;

import java.util.List;
import java.util.Map;

/**
 * A {@code vapi_chat} row: the columns lists filter and sort on, the rest of the turn in {@code body}, and whether
 * it holds its own turn only ({@code turn_only}; see {@link JdbcVapiChatRepository}).
 */
@MappedEntity("vapi_chat")
record VapiChatRow(String userId, String id, @Nullable String assistantId, @Nullable String sessionId,
                   @Nullable String previousChatId, long createdAt, long updatedAt, double cost, String body,
                   boolean turnOnly) {

    static final String COLUMNS = "user_id, id, assistant_id, session_id, previous_chat_id, created_at, updated_at,"
            + " cost, body, turn_only";

    @SuppressWarnings("unchecked")
    VapiChat toChat(JsonColumns json) {
        Map<String, Object> rest = json.readObject(body);
        return new VapiChat(new VapiChatId(id), new UserId(userId), assistantId,
                (Map<String, Object>) rest.get("assistant"), (Map<String, Object>) rest.get("assistantOverrides"),
                (String) rest.get("name"), sessionId, previousChatId == null ? null : new VapiChatId(previousChatId),
                rest.get("input"), Boolean.TRUE.equals(rest.get("stream")),
                (List<Map<String, Object>>) rest.get("messages"), (List<Map<String, Object>>) rest.get("output"),
                (List<Map<String, Object>>) rest.get("costs"), cost, createdAt, updatedAt, turnOnly);
    }
}
