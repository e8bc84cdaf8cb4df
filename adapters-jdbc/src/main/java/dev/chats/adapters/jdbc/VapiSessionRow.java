package dev.chats.adapters.jdbc;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedEntity;

import java.util.List;
import java.util.Map;

/**
 * A {@code vapi_session} row: the columns lists filter and sort on, and the rest of the session in {@code body} (see
 * {@link JdbcVapiSessionRepository}).
 */
@MappedEntity("vapi_session")
record VapiSessionRow(String userId, String id, @Nullable String name, String status, @Nullable String assistantId,
                      long createdAt, long updatedAt, long version, String body) {

    static final String COLUMNS = "user_id, id, name, status, assistant_id, created_at, updated_at, version, body";

    @SuppressWarnings("unchecked")
    VapiSession toSession(JsonColumns json) {
        Map<String, Object> rest = json.readObject(body);
        return new VapiSession(new VapiSessionId(id), new UserId(userId), name,
                StoredNames.status(status),
                ((Number) rest.get("expirationSeconds")).intValue(), assistantId,
                (Map<String, Object>) rest.get("assistant"), (Map<String, Object>) rest.get("assistantOverrides"),
                (List<Map<String, Object>>) rest.get("messages"), (Map<String, Object>) rest.get("metadata"),
                createdAt, updatedAt, version);
    }
}
