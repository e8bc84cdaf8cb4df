package dev.chats.domain.chat;

import dev.chats.domain.json.JsonTree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's conversation document ({@code chat} on the wire), held as two parts: the body, in which
 * {@code history.messages} is an empty placeholder object, and the messages themselves, one {@link Message}
 * per entry. {@link #toMap()} reassembles exactly what the client sent.
 *
 * <p>A document whose {@code history.messages} is absent or not a JSON object has no separate messages and
 * is kept whole in the body.
 */
public final class ChatDocument {

    static final String DEFAULT_TITLE = "New Chat";
    /** The longest title every store keeps (H2's title column; the others hold more). */
    public static final int MAX_TITLE_LENGTH = 1_000_000;
    private static final String HISTORY = "history";
    private static final String MESSAGES = "messages";

    private final Map<String, Object> body;
    private final Map<String, Message> messages; // null when history.messages is not an object

    private ChatDocument(Map<String, Object> body, Map<String, Message> messages) {
        this.body = body;
        this.messages = messages;
    }

    /** Splits a document as a client sent it. */
    public static ChatDocument fromClient(Map<String, ?> document) {
        Map<String, Object> body = JsonTree.copyObject(document);
        Map<String, Message> messages = extractMessages(body);
        return new ChatDocument(body, messages);
    }

    /**
     * Rebuilds a stored document from its body (with the placeholder) and its message rows. Rows are put back in
     * the order of their positions.
     */
    public static ChatDocument restore(Map<String, ?> body, Collection<Message> storedMessages) {
        Map<String, Object> copy = JsonTree.copyObject(body);
        Optional<Map<String, Object>> history = JsonTree.asObject(copy.get(HISTORY));
        boolean hasMessageMap = history.map(h -> h.get(MESSAGES) instanceof Map<?, ?>).orElse(false);
        if (!hasMessageMap) {
            if (!storedMessages.isEmpty()) {
                throw new IllegalStateException("message rows stored for a document without history.messages");
            }
            return new ChatDocument(copy, null);
        }
        history.get().put(MESSAGES, new LinkedHashMap<>());
        List<Message> ordered = new ArrayList<>(storedMessages);
        ordered.sort(Comparator.comparingInt(Message::position));
        Map<String, Message> messages = new LinkedHashMap<>();
        for (Message m : ordered) {
            messages.put(m.id(), m);
        }
        if (copy.get(LegacyMessageList.KEY) instanceof List<?> stored) {
            copy.put(LegacyMessageList.KEY, LegacyMessageList.decode(stored, messages));
        }
        return new ChatDocument(copy, messages);
    }

    private static Map<String, Message> extractMessages(Map<String, Object> body) {
        Optional<Map<String, Object>> history = JsonTree.asObject(body.get(HISTORY));
        if (history.isEmpty()) {
            return null;
        }
        Optional<Map<String, Object>> entries = JsonTree.asObject(history.get().get(MESSAGES));
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, Message> messages = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<String, Object> entry : entries.get().entrySet()) {
            Map<String, Object> messageBody = JsonTree.asObject(entry.getValue()).orElseThrow(() ->
                    new InvalidChatDocumentException("history.messages." + entry.getKey() + " must be an object"));
            messages.put(entry.getKey(), new Message(entry.getKey(), position++, messageBody));
        }
        history.get().put(MESSAGES, new LinkedHashMap<>());
        return messages;
    }

    /** The chat's title as the rule derives it: {@code title} when present, else "New Chat". */
    public String title() {
        if (!body.containsKey("title")) {
            return DEFAULT_TITLE;
        }
        if (body.get("title") instanceof String title) {
            if (title.length() > MAX_TITLE_LENGTH) {
                throw new DocumentFieldTooLongException(List.of("chat", "title"), MAX_TITLE_LENGTH);
            }
            return title;
        }
        throw new InvalidChatDocumentException("chat.title must be a string");
    }

    /** The whole document, reassembled: a fresh copy the caller may keep. */
    public Map<String, Object> toMap() {
        Map<String, Object> copy = JsonTree.copyObject(body);
        if (messages != null) {
            Map<String, Object> entries = new LinkedHashMap<>();
            messages.forEach((id, m) -> entries.put(id, JsonTree.deepCopy(m.body())));
            JsonTree.asObject(copy.get(HISTORY)).orElseThrow().put(MESSAGES, entries);
        }
        return copy;
    }

    /**
     * What the chat row stores: the body with the empty {@code history.messages} placeholder, and the legacy
     * {@code messages} list with copies of stored messages kept as references ({@link LegacyMessageList}).
     */
    public Map<String, Object> body() {
        if (messages == null || !(body.get(LegacyMessageList.KEY) instanceof List<?> entries)) {
            return JsonTree.readOnly(body);
        }
        Map<String, Object> stored = new LinkedHashMap<>(body);
        stored.put(LegacyMessageList.KEY, LegacyMessageList.encode(entries, messages));
        return JsonTree.readOnly(stored);
    }

    /** The separately stored messages, in document order; empty when the document has none. */
    public List<Message> messages() {
        return messages == null ? List.of() : List.copyOf(messages.values());
    }

    /** Whether {@code history.messages} is a JSON object whose entries are stored one by one. */
    public boolean hasMessageMap() {
        return messages != null;
    }

    /**
     * The searchable text of the entries of the legacy linear {@code messages} list that are not copies of stored
     * messages (those are searched through their messages): the list older clients keep beside
     * {@code history}: the text of each entry's content, one per line; empty when there is no such list.
     */
    public String legacyMessagesText() {
        if (!(body.get("messages") instanceof List<?> entries)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Object entry : entries) {
            if (LegacyMessageList.isCopyOfStoredMessage(entry, messages)) {
                // Its text is searched through the message row already.
                continue;
            }
            JsonTree.asObject(entry).ifPresent(fields -> {
                String content = new Message("legacy", 0, fields).contentText();
                if (!content.isEmpty()) {
                    text.append(text.isEmpty() ? "" : "\n").append(content);
                }
            });
        }
        return text.toString();
    }

    /** {@code history.currentId}, if it is a string. */
    public Optional<String> currentMessageId() {
        return JsonTree.asObject(body.get(HISTORY)).flatMap(h -> JsonTree.asString(h.get("currentId")));
    }

    /**
     * The shallow top-level merge {@code {**this, **patch}}: keys of the patch replace stored keys wholesale, other
     * keys survive. The result records which message rows changed.
     */
    Merge mergedWith(Map<String, ?> patch) {
        Map<String, Object> mergedBody = JsonTree.copyObject(body);
        Map<String, Message> mergedMessages = messages;
        MessageChanges changes = MessageChanges.none();
        for (Map.Entry<String, ?> entry : patch.entrySet()) {
            if (!HISTORY.equals(entry.getKey())) {
                mergedBody.put(entry.getKey(), JsonTree.deepCopy(entry.getValue()));
                continue;
            }
            Map<String, Object> replacement = new LinkedHashMap<>();
            replacement.put(HISTORY, JsonTree.deepCopy(entry.getValue()));
            Map<String, Message> incoming = extractMessages(replacement);
            mergedBody.put(HISTORY, replacement.get(HISTORY));
            changes = diff(messages, incoming);
            mergedMessages = incoming;
        }
        return new Merge(new ChatDocument(mergedBody, mergedMessages), changes);
    }

    private static MessageChanges diff(Map<String, Message> before, Map<String, Message> after) {
        MessageChanges changes = MessageChanges.none();
        Map<String, Message> old = before == null ? Map.of() : before;
        Map<String, Message> now = after == null ? Map.of() : after;
        for (Message m : now.values()) {
            if (!m.sameAs(old.get(m.id()))) {
                changes.upsert(m);
            }
        }
        for (String id : old.keySet()) {
            if (!now.containsKey(id)) {
                changes.remove(id);
            }
        }
        return changes;
    }

    /** Every message as a change: what a new chat writes. */
    MessageChanges allMessagesAsChanges() {
        MessageChanges changes = MessageChanges.none();
        if (messages != null) {
            messages.values().forEach(changes::upsert);
        }
        return changes;
    }

    /** The stored message with this id, if the document keeps messages one by one and has it. */
    public Optional<Message> message(String id) {
        return messages == null ? Optional.empty() : Optional.ofNullable(messages.get(id));
    }

    /** The position after the last message. */
    int nextPosition() {
        return messages == null ? 0 : messages.values().stream().mapToInt(Message::position).max().orElse(-1) + 1;
    }

    /**
     * A copy with these messages inserted or replaced and, when {@code newCurrentId} is given, {@code
     * history.currentId} moved to it. A document without {@code history}, or whose {@code history.messages} is not
     * an object, gets an empty message object first.
     */
    ChatDocument withMessages(Collection<Message> upserts, Optional<String> newCurrentId) {
        Map<String, Object> newBody = JsonTree.copyObject(body);
        Map<String, Object> history = JsonTree.asObject(newBody.get(HISTORY)).orElseGet(() -> {
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("currentId", null);
            newBody.put(HISTORY, created);
            return created;
        });
        Map<String, Message> newMessages = new LinkedHashMap<>(messages == null ? Map.of() : messages);
        history.put(MESSAGES, new LinkedHashMap<>());
        for (Message m : upserts) {
            newMessages.put(m.id(), m);
        }
        newCurrentId.ifPresent(id -> history.put("currentId", id));
        return new ChatDocument(newBody, newMessages);
    }

    /** The result of a merge: the new document and the message rows that changed. */
    record Merge(ChatDocument document, MessageChanges changes) {
    }

    Map<String, Message> messageMap() {
        return messages == null ? Map.of() : Collections.unmodifiableMap(messages);
    }
}
