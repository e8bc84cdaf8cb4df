package dev.chats.domain.vapi;

import dev.chats.domain.json.JsonTree;
import dev.chats.domain.user.UserId;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An assistant saved by its owner ({@code /assistant}), so chats and sessions can name it by id: its definition
 * as sent (Vapi's {@code CreateAssistantDTO}: {@code name}, {@code model} …), without the fields the server owns.
 * Times are epoch milliseconds (UTC); {@code version} guards every update.
 */
public record SavedAssistant(SavedAssistantId id, UserId ownerId, Map<String, Object> definition, long createdAt,
                             long updatedAt, long version) {

    /** Fields the server sets; a definition never carries them. */
    public static final Set<String> SERVER_FIELDS = Set.of("id", "orgId", "createdAt", "updatedAt");

    public SavedAssistant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        definition = JsonTree.copyObject(Objects.requireNonNull(definition, "definition"));
        definition.keySet().removeAll(SERVER_FIELDS);
        if (name(definition) != null && name(definition).length() > VapiChat.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be at most " + VapiChat.MAX_NAME_LENGTH + " characters");
        }
        if (updatedAt < createdAt) {
            throw new IllegalArgumentException("updatedAt cannot precede createdAt");
        }
        definition = JsonTree.readOnly(definition);
    }

    private static String name(Map<String, Object> definition) {
        return definition.get("name") instanceof String s ? s : null;
    }

    public String name() {
        return name(definition);
    }

    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user);
    }

    /** The assistant with the given top-level fields replaced (a null value removes the field). */
    public SavedAssistant patched(Map<String, Object> changes, long nowMillis) {
        Map<String, Object> merged = JsonTree.copyObject(definition);
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return new SavedAssistant(id, ownerId, merged, createdAt, Math.max(updatedAt, nowMillis), version + 1);
    }
}
