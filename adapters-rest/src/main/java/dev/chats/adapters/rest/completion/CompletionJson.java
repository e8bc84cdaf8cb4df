package dev.chats.adapters.rest.completion;

import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelUsage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OpenAI Chat Completions answers: the whole {@code chat.completion}, and the {@code chat.completion.chunk}s. */
final class CompletionJson {

    private CompletionJson() {
    }

    static Map<String, Object> whole(String id, long created, String model, Completion answer) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", answer.text());
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", "stop");
        Map<String, Object> completion = head(id, "chat.completion", created, model);
        completion.put("choices", List.of(choice));
        completion.put("usage", usage(answer.usage()));
        return completion;
    }

    /** The first chunk: the assistant role, no text yet, as OpenAI starts a stream. */
    static Map<String, Object> start(String id, long created, String model) {
        return chunk(id, created, model, Map.of("role", "assistant", "content", ""), null);
    }

    static Map<String, Object> delta(String id, long created, String model, String text) {
        return chunk(id, created, model, Map.of("content", text), null);
    }

    /** The last chunk: the finish reason and the usage of the whole answer. */
    static Map<String, Object> end(String id, long created, String model, ModelUsage usage) {
        Map<String, Object> chunk = chunk(id, created, model, Map.of(), "stop");
        chunk.put("usage", usage(usage));
        return chunk;
    }

    /** What Open WebUI streams when the completion fails after the stream has begun. */
    static Map<String, Object> error(String detail) {
        return Map.of("error", Map.of("detail", detail, "message", detail));
    }

    private static Map<String, Object> chunk(String id, long created, String model, Map<String, Object> delta,
                                             String finishReason) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        Map<String, Object> chunk = head(id, "chat.completion.chunk", created, model);
        chunk.put("choices", List.of(choice));
        return chunk;
    }

    private static Map<String, Object> head(String id, String object, long created, String model) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("id", id);
        head.put("object", object);
        head.put("created", created);
        head.put("model", model);
        return head;
    }

    private static Map<String, Object> usage(ModelUsage usage) {
        Map<String, Object> tokens = new LinkedHashMap<>();
        tokens.put("prompt_tokens", usage.promptTokens());
        tokens.put("completion_tokens", usage.completionTokens());
        tokens.put("total_tokens", usage.promptTokens() + usage.completionTokens());
        return tokens;
    }
}
