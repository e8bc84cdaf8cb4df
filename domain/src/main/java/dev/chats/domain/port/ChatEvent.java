package dev.chats.domain.port;

import dev.chats.domain.user.UserId;

import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a user's chats, to be pushed to that user's open clients.
 *
 * @param recipient the user whose clients receive it
 * @param type      Open WebUI's event type, such as {@code chat:created} or {@code chat:message}
 * @param chatId    the chat concerned, or null
 * @param messageId the message concerned, or null
 * @param data      the event's payload, as a JSON tree
 */
public record ChatEvent(UserId recipient, String type, String chatId, String messageId, Map<String, Object> data) {

    public ChatEvent {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(type, "type");
        data = data == null ? Map.of() : data;
    }
}
