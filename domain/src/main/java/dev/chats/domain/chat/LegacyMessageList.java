package dev.chats.domain.chat;

import dev.chats.domain.json.JsonTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Storage encoding of the linear {@code messages} list Open WebUI keeps beside {@code history}: a copy of the current
 * branch, as long as the chat itself. An entry equal to the stored message with its id is kept as a reference to
 * that message, so the chat row stays small and writing one message never rewrites the whole conversation; every
 * other entry (a stale copy, anything else) is kept as sent. Decoding gives back exactly the list that was encoded.
 */
final class LegacyMessageList {

    static final String KEY = "messages";
    /** Marks a reference; control characters keep it apart from anything a client sensibly sends… */
    private static final String REF = "\u0000ref";
    /** …and an entry that happens to look like a marker is wrapped, so that decoding never misreads it. */
    private static final String ESCAPED = "\u0000esc";

    private LegacyMessageList() {
    }

    /** The list as stored: copies of stored messages become references. */
    static List<Object> encode(List<?> entries, Map<String, Message> messages) {
        List<Object> stored = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (isCopyOfStoredMessage(entry, messages)) {
                stored.add(Map.of(REF, ((Map<?, ?>) entry).get("id")));
            } else if (looksLikeMarker(entry)) {
                Map<String, Object> wrapped = new LinkedHashMap<>();
                wrapped.put(ESCAPED, entry);
                stored.add(wrapped);
            } else {
                stored.add(entry);
            }
        }
        return stored;
    }

    /** The list as sent: references replaced by copies of the messages they name. */
    static List<Object> decode(List<?> stored, Map<String, Message> messages) {
        List<Object> entries = new ArrayList<>(stored.size());
        for (Object item : stored) {
            if (item instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(REF)) {
                Message message = messages == null ? null : messages.get(String.valueOf(map.get(REF)));
                // A reference whose message is gone cannot come from a complete write; keep at least the id.
                entries.add(message != null ? JsonTree.deepCopy(message.body())
                        : new LinkedHashMap<>(Map.of("id", String.valueOf(map.get(REF)))));
            } else if (item instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(ESCAPED)) {
                entries.add(JsonTree.deepCopy(map.get(ESCAPED)));
            } else {
                entries.add(JsonTree.deepCopy(item));
            }
        }
        return entries;
    }

    /** Whether the entry is exactly the stored message its {@code id} names. */
    static boolean isCopyOfStoredMessage(Object entry, Map<String, Message> messages) {
        if (messages == null || !(entry instanceof Map<?, ?> fields) || !(fields.get("id") instanceof String id)) {
            return false;
        }
        Message message = messages.get(id);
        return message != null && message.body().equals(fields);
    }

    private static boolean looksLikeMarker(Object entry) {
        return entry instanceof Map<?, ?> map && map.size() == 1
                && (map.containsKey(REF) || map.containsKey(ESCAPED));
    }
}
