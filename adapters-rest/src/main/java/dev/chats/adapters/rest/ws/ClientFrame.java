package dev.chats.adapters.rest.ws;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/**
 * A frame a client sent: {@code {"type":"auth","token":…}}, {@code {"type":"ping"}}, a JSON object of another
 * type, or something that is not a frame at all.
 */
sealed interface ClientFrame {

    int MAX_TYPE_ECHO = 64;

    record Auth(String token) implements ClientFrame {
    }

    record Ping() implements ClientFrame {
    }

    record Unknown(String type) implements ClientFrame {
    }

    record Malformed(String detail) implements ClientFrame {
    }

    static ClientFrame parse(String text, JsonMapper json) {
        Object tree;
        try {
            tree = json.readValue(text, Argument.OBJECT_ARGUMENT);
        } catch (IOException | RuntimeException e) {
            return new Malformed("Malformed frame: not JSON");
        }
        if (!(tree instanceof Map<?, ?> object)) {
            return new Malformed("Malformed frame: expected a JSON object");
        }
        if (!(object.get("type") instanceof String type)) {
            return new Malformed("Malformed frame: \"type\" must be a string");
        }
        return switch (type) {
            case "auth" -> object.get("token") instanceof String token && !token.isBlank()
                    ? new Auth(token)
                    : new Malformed("Malformed frame: \"token\" must be a non-empty string");
            case "ping" -> new Ping();
            default -> new Unknown(type.length() > MAX_TYPE_ECHO ? type.substring(0, MAX_TYPE_ECHO) + "…" : type);
        };
    }
}
