package dev.chats.adapters.redis;

import dev.chats.domain.port.ChatEvent;
import dev.chats.domain.user.UserId;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wire form of one chat event on the Redis channel: a JSON object naming the instance that published it, so
 * that instance can skip its own echo, and the event's fields in snake_case.
 */
final class EventCodec {

    static final int VERSION = 1;
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final JsonMapper json;

    EventCodec(JsonMapper json) {
        this.json = json;
    }

    /** An event as it arrived from the channel, with the instance that published it. */
    record Received(String origin, ChatEvent event) {
    }

    String encode(String origin, ChatEvent event) throws IOException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("v", VERSION);
        message.put("origin", origin);
        message.put("recipient", event.recipient().value());
        message.put("type", event.type());
        message.put("chat_id", event.chatId());
        message.put("message_id", event.messageId());
        message.put("data", event.data());
        return json.writeValueAsString(message);
    }

    /** The event in a channel message; empty if the message is not one this codec wrote (logged by the caller). */
    Optional<Received> decode(String payload) {
        Map<String, Object> message;
        try {
            message = json.readValue(payload, OBJECT);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (message == null || !(message.get("v") instanceof Number version) || version.intValue() != VERSION
                || !(message.get("origin") instanceof String origin)
                || !(message.get("recipient") instanceof String recipient)
                || !(message.get("type") instanceof String type)) {
            return Optional.empty();
        }
        Object data = message.get("data");
        if (data != null && !(data instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> payloadData = (Map<String, Object>) data;
            return Optional.of(new Received(origin, new ChatEvent(new UserId(recipient), type,
                    text(message.get("chat_id")), text(message.get("message_id")), payloadData)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
