package dev.chats.app.ws;

import dev.chats.adapters.rest.ws.EventEnvelope;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.user.UserId;

import java.util.Map;

/**
 * A published event as Open WebUI's clients receive it — type, chat, message and data as the socket adapter writes
 * them — so that the end-to-end tests assert on the wire, not on how the domain names the event.
 */
public record SeenEvent(UserId recipient, String type, String chatId, String messageId, Map<String, Object> data) {

    @SuppressWarnings("unchecked")
    public static SeenEvent of(ChatEvent event) {
        Map<String, Object> payload = EventEnvelope.payload(event);
        Map<String, Object> inner = (Map<String, Object>) payload.get("data");
        return new SeenEvent(event.recipient(), (String) inner.get("type"), (String) payload.get("chat_id"),
                (String) payload.get("message_id"), (Map<String, Object>) inner.get("data"));
    }
}
