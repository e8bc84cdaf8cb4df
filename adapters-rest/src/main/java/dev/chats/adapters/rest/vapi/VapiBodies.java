package dev.chats.adapters.rest.vapi;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.domain.vapi.InvalidVapiChatException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the Vapi routes read as JSON objects, failures answered in Nest's 400 terms. */
final class VapiBodies {

    private VapiBodies() {
    }

    /**
     * The body as a JSON object.
     *
     * @param required whether a missing body is refused ({@code POST /chat}) rather than read as {@code {}}
     */
    static Map<String, Object> object(JsonBodies bodies, byte[] body, boolean required) {
        boolean empty = body == null || body.length == 0;
        if (empty && !required) {
            return new LinkedHashMap<>();
        }
        Object tree;
        try {
            tree = bodies.tree(body);
        } catch (ApiException e) {
            throw InvalidVapiChatException.rule(empty ? "Request body is required" : "Request body must be valid JSON");
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw InvalidVapiChatException.rule("Request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) tree;
        return object;
    }

    /** The field as a JSON object, null when absent; a message in {@code errors} when it is something else. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> objectField(Map<String, Object> body, String field, List<String> errors) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            errors.add(field + " must be an object");
            return null;
        }
        return (Map<String, Object>) value;
    }
}
