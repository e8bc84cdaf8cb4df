package dev.chats.domain.chat;

import dev.chats.domain.json.JsonTree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** A decoded entry that stands for a reference to a message not read. */
    private static final Object UNREAD = new Object();

    private LegacyMessageList() {
    }

    /** The list as stored: copies of stored messages become references. */
    static List<Object> encode(List<?> entries, Map<String, Message> messages) {
        List<Object> stored = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            stored.add(encodeEntry(entry, messages));
        }
        return stored;
    }

    private static Object encodeEntry(Object entry, Map<String, Message> messages) {
        if (isCopyOfStoredMessage(entry, messages)) {
            return Map.of(REF, ((Map<?, ?>) entry).get("id"));
        }
        if (looksLikeMarker(entry)) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put(ESCAPED, entry);
            return wrapped;
        }
        return entry;
    }

    /**
     * The stored list of a document of which only some messages were read, encoded again after they changed: exactly
     * what decoding it with every message as read and encoding it with every message as it is now gives. A reference
     * to a message not looked up stays as stored: that message is unchanged, so its copy is still one, and every other
     * stored entry was no copy of its unchanged message when it was last encoded.
     *
     * @param asRead the messages read, before the change
     * @param looked the ids looked up, found or not
     * @param now    the messages read, as they are now (changed and added ones included)
     */
    static List<Object> reencodePart(List<?> stored, Map<String, Message> asRead, Set<String> looked,
                                     Map<String, Message> now) {
        List<Object> result = new ArrayList<>(stored.size());
        for (Object item : stored) {
            Object entry = decodeRead(item, asRead, looked);
            result.add(entry == UNREAD ? item : encodeEntry(entry, now));
        }
        return result;
    }

    /** The searchable entries of {@link #reencodePart}'s list: those that are no copy of a message as it is now. */
    static List<Object> uncopiedEntriesOfPart(List<?> stored, Map<String, Message> asRead, Set<String> looked,
                                              Map<String, Message> now) {
        List<Object> entries = new ArrayList<>();
        for (Object item : stored) {
            Object entry = decodeRead(item, asRead, looked);
            if (entry != UNREAD && !isCopyOfStoredMessage(entry, now)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** One stored entry decoded as {@link #decode} would, or {@link #UNREAD} for a reference to a message not read. */
    private static Object decodeRead(Object item, Map<String, Message> asRead, Set<String> looked) {
        if (item instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(REF)) {
            String id = String.valueOf(map.get(REF));
            return looked.contains(id) ? decode(Collections.singletonList(item), asRead).get(0) : UNREAD;
        }
        return decode(Collections.singletonList(item), asRead).get(0);
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
