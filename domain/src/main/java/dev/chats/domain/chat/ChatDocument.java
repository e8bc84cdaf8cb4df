package dev.chats.domain.chat;

import dev.chats.domain.json.JsonTree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The client's conversation document ({@code chat} on the wire), held as two parts: the body, in which
 * {@code history.messages} is an empty placeholder object, and the messages themselves, one {@link Message}
 * per entry. {@link #toMap()} reassembles exactly what the client sent.
 *
 * <p>A document whose {@code history.messages} is absent or not a JSON object has no separate messages and
 * is kept whole in the body.
 *
 * <p>A document restored for a message edit ({@link #restoreForEdit}) holds its body as stored and only the messages
 * the edit reads (the edited one; for a new one, the current one): enough to edit one message and to give the body,
 * search text and message rows to store, which are exactly those the whole document would give. It refuses to give
 * its whole content ({@link #toMap()}).
 */
public final class ChatDocument {

    static final String DEFAULT_TITLE = "New Chat";
    /** The longest title every store keeps (H2's title column; the others hold more). */
    public static final int MAX_TITLE_LENGTH = 1_000_000;
    private static final String HISTORY = "history";
    private static final String MESSAGES = "messages";

    private final Map<String, Object> body;
    private final Map<String, Message> messages; // null when history.messages is not an object
    private final Part part; // null when every message is held

    private ChatDocument(Map<String, Object> body, Map<String, Message> messages) {
        this(body, messages, null);
    }

    private ChatDocument(Map<String, Object> body, Map<String, Message> messages, Part part) {
        this.body = body;
        this.messages = messages;
        this.part = part;
    }

    /**
     * What a document restored for an edit knows beyond its body, which it holds as stored (legacy list encoded).
     *
     * @param asRead       the messages read, as read
     * @param looked       the message ids looked up, found or not: any other message exists and is not held
     * @param nextPosition the position after the chat's last message, or -1 when not read
     */
    private record Part(Map<String, Message> asRead, Set<String> looked, int nextPosition) {

        /** The same knowledge once these messages are written: they are held, and positions past them are free. */
        Part after(Collection<Message> upserts) {
            Set<String> nowLooked = new HashSet<>(looked);
            int next = nextPosition;
            for (Message m : upserts) {
                nowLooked.add(m.id());
                next = next < 0 ? next : Math.max(next, m.position() + 1);
            }
            return new Part(asRead, nowLooked, next);
        }
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

    /**
     * Whether an edit of a message needs more than that message's row: a body with a message object does, and its
     * edit of a message that does not exist yet also reads the current message ({@link #currentIdForEdit}), under
     * which the new one is linked, and the next position.
     */
    public static boolean hasMessageRows(Map<String, ?> storedBody) {
        return hasMessageObject(storedBody);
    }

    /**
     * The id of the current message ({@code history.currentId}) that an edit adding a message reads, if it can name a
     * stored message.
     */
    public static Optional<String> currentIdForEdit(Map<String, ?> storedBody) {
        return currentIdOf(storedBody).filter(ChatDocument::canNameMessage);
    }

    /**
     * A stored document restored for an edit of message {@code messageId}: its body as stored and only the messages
     * the edit reads. A body without a message object is the whole document.
     *
     * @param edited  the edited message, if it exists
     * @param added   for an edit of a message that does not exist: the current message if it exists
     *                ({@link #currentIdForEdit}) and the position after the chat's last message; null otherwise
     */
    public static ChatDocument restoreForEdit(Map<String, ?> storedBody, String messageId, Optional<Message> edited,
                                              Addition added) {
        if (!hasMessageObject(storedBody)) {
            return restore(storedBody, List.of());
        }
        Map<String, Object> copy = JsonTree.copyObject(storedBody);
        JsonTree.asObject(copy.get(HISTORY)).orElseThrow().put(MESSAGES, new LinkedHashMap<>());
        Map<String, Message> read = new LinkedHashMap<>();
        Set<String> looked = new HashSet<>();
        looked.add(messageId);
        edited.ifPresent(m -> read.put(m.id(), m));
        int next = -1;
        if (edited.isEmpty()) {
            if (added == null) {
                throw new IllegalArgumentException("adding message " + messageId + " needs the current message and"
                        + " the next position");
            }
            currentIdOf(copy).ifPresent(looked::add);
            added.current().ifPresent(m -> read.put(m.id(), m));
            next = added.nextPosition();
        }
        Part part = new Part(Collections.unmodifiableMap(new LinkedHashMap<>(read)), looked, next);
        return new ChatDocument(copy, read, part);
    }

    /** What an edit adding a message reads besides the body: the current message, if any, and the next position. */
    public record Addition(Optional<Message> current, int nextPosition) {

        public Addition {
            if (nextPosition < 0) {
                throw new IllegalArgumentException("the next position cannot be negative");
            }
        }
    }

    private static boolean hasMessageObject(Map<String, ?> body) {
        return JsonTree.asObject(body.get(HISTORY)).map(h -> h.get(MESSAGES) instanceof Map<?, ?>).orElse(false);
    }

    private static Optional<String> currentIdOf(Map<String, ?> body) {
        return JsonTree.asObject(body.get(HISTORY)).flatMap(h -> JsonTree.asString(h.get("currentId")));
    }

    private static boolean canNameMessage(String id) {
        return !id.isEmpty() && id.length() <= Message.MAX_ID_LENGTH;
    }

    /** Whether every message is held; false for a document restored for an edit. */
    public boolean isWhole() {
        return part == null;
    }

    private void requireWhole() {
        if (part != null) {
            throw new IllegalStateException("only some messages of this document were read");
        }
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
        requireWhole();
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
        stored.put(LegacyMessageList.KEY, part == null ? LegacyMessageList.encode(entries, messages)
                : LegacyMessageList.reencodePart(entries, part.asRead(), part.looked(), messages));
        return JsonTree.readOnly(stored);
    }

    /** The separately stored messages, in document order; empty when the document has none. */
    public List<Message> messages() {
        requireWhole();
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
        // A copy of a stored message is searched through that message's row already.
        List<?> uncopied = part == null || messages == null
                ? entries.stream().filter(entry -> !LegacyMessageList.isCopyOfStoredMessage(entry, messages)).toList()
                : LegacyMessageList.uncopiedEntriesOfPart(entries, part.asRead(), part.looked(), messages);
        StringBuilder text = new StringBuilder();
        for (Object entry : uncopied) {
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
        return currentIdOf(body);
    }

    /**
     * The shallow top-level merge {@code {**this, **patch}}: keys of the patch replace stored keys wholesale, other
     * keys survive. The result records which message rows changed.
     */
    Merge mergedWith(Map<String, ?> patch) {
        requireWhole();
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
        requireWhole();
        MessageChanges changes = MessageChanges.none();
        if (messages != null) {
            messages.values().forEach(changes::upsert);
        }
        return changes;
    }

    /**
     * The stored message with this id, if the document keeps messages one by one and has it.
     *
     * @throws IllegalStateException if the document was restored for an edit that did not look this message up
     */
    public Optional<Message> message(String id) {
        if (part != null && canNameMessage(id) && !part.looked().contains(id)) {
            throw new IllegalStateException("message " + id + " was not read");
        }
        return messages == null ? Optional.empty() : Optional.ofNullable(messages.get(id));
    }

    /** The position after the last message. */
    int nextPosition() {
        if (part != null) {
            if (part.nextPosition() < 0) {
                throw new IllegalStateException("the next position was not read");
            }
            return part.nextPosition();
        }
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
        return new ChatDocument(newBody, newMessages, part == null ? null : part.after(upserts));
    }

    /** The result of a merge: the new document and the message rows that changed. */
    record Merge(ChatDocument document, MessageChanges changes) {
    }

    Map<String, Message> messageMap() {
        requireWhole();
        return messages == null ? Map.of() : Collections.unmodifiableMap(messages);
    }
}
