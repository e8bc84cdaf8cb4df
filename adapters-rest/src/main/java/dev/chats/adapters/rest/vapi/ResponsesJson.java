package dev.chats.adapters.rest.vapi;

import dev.chats.domain.vapi.VapiChat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI Responses shapes of {@code POST /chat/responses} (vapi-chat.md §7): the {@code ResponseObject} whose
 * {@code id} is the stored chat's, and the data-only stream events — {@code response.output_text.delta},
 * {@code response.output_text.done}, {@code response.completed}, {@code error} — each with a
 * {@code sequence_number}, as the OpenAI SDKs expect.
 */
final class ResponsesJson {

    private ResponsesJson() {
    }

    static String itemId(String chatId) {
        return "msg_" + chatId.replace("-", "");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> response(VapiChat chat) {
        String text = chat.output().isEmpty() ? ""
                : String.valueOf(chat.output().get(0).getOrDefault("content", ""));
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", "output_text");
        content.put("text", text);
        content.put("annotations", List.of());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", itemId(chat.id().value()));
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("status", "completed");
        message.put("content", List.of(content));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("id", chat.id().value());
        response.put("object", "response");
        response.put("created_at", chat.createdAt() / 1000);
        response.put("status", "completed");
        response.put("error", null);
        response.put("output", List.of(message));
        Object model = chat.assistant() == null ? null : chat.assistant().get("model");
        if (model instanceof Map<?, ?> m && m.get("model") instanceof String name) {
            response.put("model", name);
        }
        for (Map<String, Object> cost : chat.costs()) {
            if ("model".equals(cost.get("type"))) {
                long in = ((Number) cost.getOrDefault("promptTokens", 0)).longValue();
                long out = ((Number) cost.getOrDefault("completionTokens", 0)).longValue();
                response.put("usage", Map.of("input_tokens", in, "output_tokens", out, "total_tokens", in + out));
            }
        }
        return response;
    }

    static Map<String, Object> delta(String chatId, String delta, int sequence) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "response.output_text.delta");
        event.put("item_id", itemId(chatId));
        event.put("output_index", 0);
        event.put("content_index", 0);
        event.put("delta", delta);
        event.put("sequence_number", sequence);
        return event;
    }

    static Map<String, Object> done(String chatId, String text, int sequence) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "response.output_text.done");
        event.put("item_id", itemId(chatId));
        event.put("output_index", 0);
        event.put("content_index", 0);
        event.put("text", text);
        event.put("sequence_number", sequence);
        return event;
    }

    static Map<String, Object> completed(VapiChat chat, int sequence) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "response.completed");
        event.put("response", response(chat));
        event.put("sequence_number", sequence);
        return event;
    }

    static Map<String, Object> error(String code, String message, int sequence) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "error");
        event.put("code", code);
        event.put("message", message);
        event.put("param", null);
        event.put("sequence_number", sequence);
        return event;
    }
}
