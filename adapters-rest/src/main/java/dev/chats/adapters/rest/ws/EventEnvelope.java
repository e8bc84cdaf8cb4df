package dev.chats.adapters.rest.ws;

import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.user.User;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The frames the server sends, as JSON trees. Every chat event travels in Open WebUI's envelope
 * {@code {"event":"events","data":{"chat_id","message_id","data":{"type","data"}}}} (reference §7.2); the
 * socket's own control frames use the same {@code {"event", "data"}} shape: {@code auth} once the token is
 * accepted, {@code pong} for a client's {@code ping}, {@code error} with a {@code detail} for a frame refused.
 */
public final class EventEnvelope {

    static final String EVENTS = "events";
    static final String AUTH = "auth";
    static final String PONG = "pong";
    static final String ERROR = "error";

    private EventEnvelope() {
    }

    static Map<String, Object> of(ChatEvent event) {
        return frame(EVENTS, payload(event));
    }

    /**
     * What Open WebUI emits for an event: {@code {"chat_id","message_id","data":{"type","data"}}}; the plain
     * socket wraps it in a frame, Socket.IO sends it as the argument of its {@code events} event.
     */
    public static Map<String, Object> payload(ChatEvent event) {
        OpenWebUiEvents.Wire wire = OpenWebUiEvents.of(event);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", wire.type());
        inner.put("data", wire.data());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("chat_id", wire.chatId());
        data.put("message_id", wire.messageId());
        data.put("data", inner);
        return data;
    }

    /** The token was accepted: from now on the socket receives the user's events. */
    static Map<String, Object> authenticated(User user) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", user.id().value());
        data.put("name", user.name());
        data.put("role", user.role().wireName());
        return frame(AUTH, data);
    }

    static Map<String, Object> pong() {
        return frame(PONG, Map.of());
    }

    static Map<String, Object> error(String detail) {
        return frame(ERROR, Map.of("detail", detail));
    }

    private static Map<String, Object> frame(String event, Map<String, Object> data) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("event", event);
        frame.put("data", data);
        return frame;
    }
}
