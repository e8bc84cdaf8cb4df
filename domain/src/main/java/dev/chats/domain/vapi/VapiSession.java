package dev.chats.domain.vapi;

import dev.chats.domain.json.JsonTree;
import dev.chats.domain.user.UserId;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Vapi session: a container whose chats share one assistant — stored with its {@code {{ variables }}} already
 * substituted — and one accumulated history ({@code messages}: as stored, what it was created or last patched
 * with; as read, that followed by the turns of its chats). It expires {@code expirationSeconds} after its last
 * activity, and a {@code completed} session takes no more chats. Times are epoch milliseconds (UTC);
 * {@code version} guards every update.
 */
public record VapiSession(VapiSessionId id, UserId ownerId, String name, Status status, int expirationSeconds,
                          String assistantId, Map<String, Object> assistant, Map<String, Object> assistantOverrides,
                          List<Map<String, Object>> messages, Map<String, Object> metadata, long createdAt,
                          long updatedAt, long version) {

    /** Whether a session still takes chats. */
    public enum Status {
        ACTIVE, COMPLETED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final int DEFAULT_EXPIRATION_SECONDS = 86_400;
    public static final int MIN_EXPIRATION_SECONDS = 60;
    public static final int MAX_EXPIRATION_SECONDS = 2_592_000;

    public VapiSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(status, "status");
        if (name != null && name.length() > VapiChat.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be at most " + VapiChat.MAX_NAME_LENGTH + " characters");
        }
        if (expirationSeconds < MIN_EXPIRATION_SECONDS || expirationSeconds > MAX_EXPIRATION_SECONDS) {
            throw new IllegalArgumentException("expirationSeconds out of range");
        }
        if (assistantId != null && (assistantId.isEmpty() || assistantId.length() > VapiChat.MAX_REFERENCE_LENGTH)) {
            throw new IllegalArgumentException("assistant id must be 1.." + VapiChat.MAX_REFERENCE_LENGTH
                    + " characters");
        }
        assistant = assistant == null ? null : JsonTree.copyObject(assistant);
        assistantOverrides = assistantOverrides == null ? null : JsonTree.copyObject(assistantOverrides);
        messages = Objects.requireNonNull(messages, "messages").stream().map(JsonTree::copyObject)
                .map(JsonTree::readOnly).toList();
        metadata = metadata == null ? null : JsonTree.copyObject(metadata);
        if (updatedAt < createdAt) {
            throw new IllegalArgumentException("updatedAt cannot precede createdAt");
        }
    }

    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user);
    }

    /** Expired: no activity for {@code expirationSeconds}. */
    public boolean isExpiredAt(long nowMillis) {
        return nowMillis > updatedAt + expirationSeconds * 1000L;
    }

    /**
     * The session after one more chat: active until later. Its stored {@code messages} do not change: the turn is
     * kept by its chat, and the history is put back together by {@link VapiConversations}.
     */
    public VapiSession afterTurn(long nowMillis) {
        return new VapiSession(id, ownerId, name, status, expirationSeconds, assistantId, assistant,
                assistantOverrides, messages, metadata, createdAt, Math.max(updatedAt, nowMillis), version + 1);
    }

    /** The session as read: {@code history} is its whole history, the stored messages and its chats' turns. */
    public VapiSession withHistory(List<Map<String, Object>> history) {
        return new VapiSession(id, ownerId, name, status, expirationSeconds, assistantId, assistant,
                assistantOverrides, history, metadata, createdAt, updatedAt, version);
    }

    /** The session with the given fields changed (null: unchanged), as {@code PATCH /session/{id}} does. */
    public VapiSession patched(String newName, Status newStatus, Integer newExpiration,
                               List<Map<String, Object>> newMessages, long nowMillis) {
        return new VapiSession(id, ownerId, newName == null ? name : newName, newStatus == null ? status : newStatus,
                newExpiration == null ? expirationSeconds : newExpiration, assistantId, assistant,
                assistantOverrides, newMessages == null ? messages : newMessages, metadata, createdAt,
                Math.max(updatedAt, nowMillis), version + 1);
    }
}
