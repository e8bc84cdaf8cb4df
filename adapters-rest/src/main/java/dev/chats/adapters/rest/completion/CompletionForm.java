package dev.chats.adapters.rest.completion;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.application.port.in.chat.CompleteConversationUseCase.Conversation;
import dev.chats.domain.chat.MessageContent;
import dev.chats.domain.completion.ModelMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An OpenAI Chat Completions request as Open WebUI's clients send it: {@code model}, {@code messages} (content as a
 * string or as content parts, of which the text parts are read), {@code stream}, sampling settings at the top or in
 * {@code params}, and Open WebUI's {@code chat_id} and {@code id} (the assistant message to fill). Other fields are
 * accepted and ignored, as Open WebUI passes what it does not know to the upstream.
 */
record CompletionForm(Conversation conversation, boolean stream) {

    static CompletionForm read(Map<String, Object> body) {
        if (!(body.get("model") instanceof String model) || model.isBlank()) {
            throw ApiException.badRequest("Model not found");
        }
        Map<?, ?> params = body.get("params") instanceof Map<?, ?> map ? map : Map.of();
        Number temperature = number(body, params, "temperature");
        Conversation conversation = new Conversation(model, messages(body.get("messages")),
                temperature == null ? null : temperature.doubleValue(), maxTokens(body, params),
                string(body.get("chat_id")), string(body.get("id")));
        return new CompletionForm(conversation, Boolean.TRUE.equals(body.get("stream")));
    }

    private static List<ModelMessage> messages(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw ApiException.badRequest("messages: a non-empty list of {role, content} is required");
        }
        List<ModelMessage> messages = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> message) || !(message.get("role") instanceof String role)
                    || role.isBlank()) {
                throw ApiException.badRequest("messages: every message needs a role and a content");
            }
            messages.add(new ModelMessage(role, text(message.get("content"))));
        }
        return messages;
    }

    private static String text(Object content) {
        if (!MessageContent.isReadable(content)) {
            throw ApiException.badRequest("messages: content must be a string or a list of content parts");
        }
        return MessageContent.text(content);
    }

    private static Integer maxTokens(Map<String, Object> body, Map<?, ?> params) {
        Number tokens = number(body, params, "max_tokens");
        if (tokens == null) {
            tokens = number(body, params, "max_completion_tokens");
        }
        if (tokens == null) {
            return null;
        }
        if (tokens.longValue() < 1 || tokens.longValue() > Integer.MAX_VALUE) {
            throw ApiException.badRequest("max_tokens must be a positive integer");
        }
        return tokens.intValue();
    }

    private static Number number(Map<String, Object> body, Map<?, ?> params, String name) {
        Object value = body.containsKey(name) ? body.get(name) : params.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number;
        }
        throw ApiException.badRequest(name + " must be a number");
    }

    private static String string(Object value) {
        return value instanceof String text && !text.isEmpty() ? text : null;
    }
}
