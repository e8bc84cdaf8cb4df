package dev.chats.adapters.rest.vapi;

import dev.chats.application.port.in.vapi.NewVapiChat;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vapi's {@code CreateChatDTO} read from a JSON body with class-validator's strictness: unknown properties are
 * refused ({@code forbidNonWhitelisted}), each field is type-checked, and every broken field is listed. Squads and
 * SMS transport are not served and are refused as such.
 */
final class VapiChatForm {

    static final Set<String> FIELDS = Set.of("assistantId", "assistant", "assistantOverrides", "squadId", "squad",
            "name", "sessionId", "input", "stream", "previousChatId", "transport");

    private VapiChatForm() {
    }

    /** @param tolerated extra properties accepted and ignored (the Responses route's {@code model}) */
    static NewVapiChat read(Map<String, Object> body, boolean streamByDefault, Set<String> tolerated) {
        List<String> errors = new ArrayList<>();
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key) && !tolerated.contains(key)) {
                errors.add("property " + key + " should not exist");
            }
        }
        String assistantId = string(body, "assistantId", VapiChat.MAX_REFERENCE_LENGTH, errors);
        String sessionId = string(body, "sessionId", VapiChat.MAX_REFERENCE_LENGTH, errors);
        String previous = string(body, "previousChatId", VapiChatId.MAX_LENGTH, errors);
        String name = string(body, "name", Integer.MAX_VALUE, errors);
        Map<String, Object> assistant = VapiBodies.objectField(body, "assistant", errors);
        Map<String, Object> overrides = VapiBodies.objectField(body, "assistantOverrides", errors);
        Object stream = body.get("stream");
        if (stream != null && !(stream instanceof Boolean)) {
            errors.add("stream must be a boolean value");
        }
        Object input = body.get("input");
        if (input != null && !(input instanceof String) && !(input instanceof List<?>)) {
            errors.add("input must be a string or an array of messages");
        }
        if (!errors.isEmpty()) {
            throw InvalidVapiChatException.fields(errors);
        }
        if (body.get("squadId") != null || body.get("squad") != null) {
            throw InvalidVapiChatException.rule("squads are not supported");
        }
        if (body.get("transport") != null) {
            throw InvalidVapiChatException.rule("transport is not supported");
        }
        return new NewVapiChat(assistantId, assistant, overrides, name, sessionId,
                previous == null ? null : new VapiChatId(previous), input,
                stream == null ? streamByDefault : (Boolean) stream);
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
        if (text.isEmpty()) {
            errors.add(field + " should not be empty");
            return null;
        }
        if (text.length() > maxLength) {
            errors.add(field + " must be shorter than or equal to " + maxLength + " characters");
            return null;
        }
        return text;
    }

}
