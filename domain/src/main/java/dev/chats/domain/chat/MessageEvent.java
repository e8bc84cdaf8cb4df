package dev.chats.domain.chat;

import dev.chats.domain.json.JsonTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An event a tool or pipeline pushes for one message ({@code {type, data}}). Some types also change the stored
 * message; the rest are only relayed to the user's clients. Unknown types are rejected.
 */
public record MessageEvent(String type, Map<String, Object> data) {

    /** Types whose side effect is stored on the message. */
    public static final Set<String> STORED_TYPES = Set.of("status", "message", "replace", "embeds", "files", "source",
            "citation");

    /** Types that are only relayed. */
    public static final Set<String> RELAYED_TYPES = Set.of("chat:message", "chat:message:delta", "chat:completion",
            "chat:title", "chat:tags", "chat:message:error", "chat:message:follow_ups", "notification",
            "confirmation", "input", "execute", "chat:tasks:cancel");

    public MessageEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        if (!STORED_TYPES.contains(type) && !RELAYED_TYPES.contains(type)) {
            throw new InvalidMessageEventException("Unknown event type: " + type);
        }
        data = JsonTree.copyObject(data);
    }

    /** {@code data.content} as text ({@code message} and {@code replace}); null or absent counts as empty. */
    String textContent() {
        Object content = data.get("content");
        if (content == null) {
            return "";
        }
        if (content instanceof String text) {
            return text;
        }
        throw new InvalidMessageEventException("data.content must be a string");
    }

    /** {@code data.<key>} as a list ({@code embeds}, {@code files}); absent counts as empty. */
    List<Object> listField(String key) {
        Object value = data.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new InvalidMessageEventException("data." + key + " must be a list");
    }
}
