package dev.chats.adapters.rest.vapi;

import dev.chats.application.port.in.vapi.NewVapiSession;
import dev.chats.application.port.in.vapi.VapiSessionPatch;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Vapi's {@code CreateSessionDTO} and {@code UpdateSessionDTO} read from JSON bodies with class-validator's
 * strictness. Squads, customers and phone numbers are not served and are refused as such.
 */
final class VapiSessionForm {

    private static final Set<String> CREATE = Set.of("name", "status", "expirationSeconds", "assistantId",
            "assistant", "assistantOverrides", "messages", "squadId", "squad", "customer", "customerId",
            "phoneNumberId", "phoneNumber");
    private static final Set<String> UPDATE = Set.of("name", "status", "expirationSeconds", "messages");
    private static final List<String> UNSERVED = List.of("squadId", "squad", "customer", "customerId",
            "phoneNumberId", "phoneNumber");

    private VapiSessionForm() {
    }

    static NewVapiSession create(Map<String, Object> body) {
        List<String> errors = new ArrayList<>();
        unknown(body, CREATE, errors);
        String name = string(body, "name", VapiChat.MAX_NAME_LENGTH, errors);
        VapiSession.Status status = status(body, errors);
        Integer expiration = expiration(body, errors);
        String assistantId = string(body, "assistantId", VapiChat.MAX_REFERENCE_LENGTH, errors);
        Map<String, Object> assistant = VapiBodies.objectField(body, "assistant", errors);
        Map<String, Object> overrides = VapiBodies.objectField(body, "assistantOverrides", errors);
        List<Map<String, Object>> messages = messages(body, errors);
        if (!errors.isEmpty()) {
            throw InvalidVapiChatException.fields(errors);
        }
        for (String field : UNSERVED) {
            if (body.get(field) != null) {
                throw InvalidVapiChatException.rule(field + " is not supported");
            }
        }
        return new NewVapiSession(name, status, expiration, assistantId, assistant, overrides, messages);
    }

    static VapiSessionPatch update(Map<String, Object> body) {
        List<String> errors = new ArrayList<>();
        unknown(body, UPDATE, errors);
        String name = string(body, "name", VapiChat.MAX_NAME_LENGTH, errors);
        VapiSession.Status status = status(body, errors);
        Integer expiration = expiration(body, errors);
        List<Map<String, Object>> messages = messages(body, errors);
        if (!errors.isEmpty()) {
            throw InvalidVapiChatException.fields(errors);
        }
        return new VapiSessionPatch(name, status, expiration, messages);
    }

    private static void unknown(Map<String, Object> body, Set<String> allowed, List<String> errors) {
        for (String key : body.keySet()) {
            if (!allowed.contains(key)) {
                errors.add("property " + key + " should not exist");
            }
        }
    }

    private static VapiSession.Status status(Map<String, Object> body, List<String> errors) {
        Object value = body.get("status");
        if (value == null) {
            return null;
        }
        if ("active".equals(value) || "completed".equals(value)) {
            return VapiSession.Status.valueOf(((String) value).toUpperCase(Locale.ROOT));
        }
        errors.add("status must be one of the following values: active, completed");
        return null;
    }

    private static Integer expiration(Map<String, Object> body, List<String> errors) {
        Object value = body.get("expirationSeconds");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            errors.add("expirationSeconds must be an integer number");
            return null;
        }
        if (n.doubleValue() < VapiSession.MIN_EXPIRATION_SECONDS) {
            errors.add("expirationSeconds must not be less than " + VapiSession.MIN_EXPIRATION_SECONDS);
            return null;
        }
        if (n.doubleValue() > VapiSession.MAX_EXPIRATION_SECONDS) {
            errors.add("expirationSeconds must not be greater than " + VapiSession.MAX_EXPIRATION_SECONDS);
            return null;
        }
        return n.intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(Map<String, Object> body, List<String> errors) {
        Object value = body.get("messages");
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(m -> m instanceof Map<?, ?> message
                && message.get("role") instanceof String)) {
            errors.add("messages must be an array of messages");
            return null;
        }
        return (List<Map<String, Object>>) value;
    }

    private static String string(Map<String, Object> body, String field, int maxLength, List<String> errors) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            errors.add(field + " must be a string");
            return null;
        }
        if (text.length() > maxLength) {
            errors.add(field + " must be shorter than or equal to " + maxLength + " characters");
            return null;
        }
        return text;
    }

}
