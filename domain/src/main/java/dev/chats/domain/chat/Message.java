package dev.chats.domain.chat;

import java.util.Map;
import java.util.Objects;

/**
 * One entry of {@code chat.history.messages}: stored on its own, keyed by (chat id, message id).
 *
 * @param id       the key under {@code history.messages}
 * @param position the entry's place among the chat's messages, so the document reads back in the order sent
 * @param body     the message JSON exactly as the client sent it
 */
public record Message(String id, int position, Map<String, Object> body) {

    public static final int MAX_ID_LENGTH = 255;

    public Message {
        Objects.requireNonNull(id, "message id");
        Objects.requireNonNull(body, "message body");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new InvalidChatDocumentException(
                    "message ids under history.messages must be 1.." + MAX_ID_LENGTH + " characters");
        }
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative");
        }
    }

    /** The {@code parentId} the client gave the message, or null. */
    public String parentId() {
        return body.get("parentId") instanceof String parent ? parent : null;
    }

    /** The role the client gave the message, or null. */
    public String role() {
        return body.get("role") instanceof String role ? role : null;
    }

    /**
     * The searchable text of the message: {@code content} when it is a string, or the {@code text} parts of
     * multimodal content given as a list.
     */
    public String contentText() {
        return MessageContent.text(body.get("content"));
    }

    Message at(int newPosition) {
        return newPosition == position ? this : new Message(id, newPosition, body);
    }

    /** Same id, same place and same JSON. */
    boolean sameAs(Message other) {
        return other != null && position == other.position && id.equals(other.id) && body.equals(other.body);
    }
}
