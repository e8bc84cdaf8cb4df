package dev.chats.adapters.redis;

import dev.chats.domain.chat.event.ChatEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wire form of one chat event on the Redis channel: a JSON object with the version of this form, the instance
 * that published it (so that instance can skip its own echo), and the event's kind and values as
 * {@link EventWriter} writes them.
 *
 * <p>Version 1 carried Open WebUI's socket envelope; version 2 carries the domain event, whose socket form the
 * receiving instance builds itself. Instances of the two versions ignore each other's messages (logged), so during a
 * rolling upgrade an event may reach only the clients connected to instances of its publisher's version.
 */
final class EventCodec {

    static final int VERSION = 2;
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
        message.putAll(event.accept(EventWriter.INSTANCE));
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
                || !(message.get("origin") instanceof String origin)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Received(origin, EventReader.read(message)));
        } catch (RuntimeException e) {
            // A field missing or of the wrong shape, or a value the domain refuses.
            return Optional.empty();
        }
    }
}
