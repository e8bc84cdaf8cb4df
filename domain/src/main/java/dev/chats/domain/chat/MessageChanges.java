package dev.chats.domain.chat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The message rows a save must write: messages added or changed since the chat was read, and the ids of
 * messages removed. A save writes exactly these rows, so its cost follows the change, not the chat's length.
 */
public final class MessageChanges {

    private final Map<String, Message> upserted = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();

    static MessageChanges none() {
        return new MessageChanges();
    }

    void upsert(Message message) {
        removed.remove(message.id());
        upserted.put(message.id(), message);
    }

    void remove(String messageId) {
        upserted.remove(messageId);
        removed.add(messageId);
    }

    MessageChanges plus(MessageChanges later) {
        MessageChanges merged = new MessageChanges();
        merged.upserted.putAll(upserted);
        merged.removed.addAll(removed);
        later.removed.forEach(merged::remove);
        later.upserted.values().forEach(merged::upsert);
        return merged;
    }

    /** Messages to insert or overwrite, in document order of the change. */
    public Map<String, Message> upserted() {
        return Collections.unmodifiableMap(upserted);
    }

    /** Ids of messages to delete. */
    public Set<String> removed() {
        return Collections.unmodifiableSet(removed);
    }

    public boolean isEmpty() {
        return upserted.isEmpty() && removed.isEmpty();
    }
}
