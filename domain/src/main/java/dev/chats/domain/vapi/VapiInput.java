package dev.chats.domain.vapi;

import dev.chats.domain.completion.ModelMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code input} of a chat as messages: a string is one user message; a list holds OpenAI-style messages
 * ({@code {role, content, …}}), kept as sent.
 */
public final class VapiInput {

    public static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool", "developer");
    /** Vapi's limit on assistant, tool and developer message content. */
    public static final int MAX_CONTENT_LENGTH = 10_000;

    private VapiInput() {
    }

    /**
     * The input's messages, checked.
     *
     * @throws InvalidVapiChatException listing every broken message
     */
    public static List<Map<String, Object>> messages(Object input) {
        List<Map<String, Object>> messages = new ArrayList<>();
        if (input instanceof String text) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", "user");
            message.put("content", text);
            messages.add(message);
            return messages;
        }
        List<String> errors = new ArrayList<>();
        List<?> list = (List<?>) input;
        for (int i = 0; i < list.size(); i++) {
            String at = "input." + i;
            if (!(list.get(i) instanceof Map<?, ?> raw)) {
                errors.add(at + " must be an object");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> message = (Map<String, Object>) raw;
            Object role = message.get("role");
            if (!(role instanceof String r) || !ROLES.contains(r)) {
                errors.add(at + ".role must be one of the following values: system, user, assistant, tool,"
                        + " developer");
                continue;
            }
            Object content = message.get("content");
            if (content == null && r.equals("assistant")) {
                messages.add(message);
                continue;
            }
            if (!(content instanceof String c)) {
                errors.add(at + ".content must be a string");
                continue;
            }
            if (!r.equals("user") && !r.equals("system") && c.length() > MAX_CONTENT_LENGTH) {
                errors.add(at + ".content must be shorter than or equal to " + MAX_CONTENT_LENGTH + " characters");
                continue;
            }
            messages.add(message);
        }
        if (!errors.isEmpty()) {
            throw InvalidVapiChatException.fields(errors);
        }
        return messages;
    }

    /** A stored message as the model reads it: its role and its text (none for a tool-calling turn). */
    public static ModelMessage toModel(Map<String, Object> message) {
        Object content = message.get("content");
        return new ModelMessage(String.valueOf(message.get("role")), content instanceof String s ? s : "");
    }
}
