package dev.chats.adapters.rest.completion;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** What the OpenAPI document shows for the completion routes; the controllers read and write JSON trees. */
public final class CompletionSchemas {

    private CompletionSchemas() {
    }

    @Schema(name = "ChatCompletionForm", description = "An OpenAI Chat Completions request; other fields are ignored")
    public record CompletionRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String model,
                                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Message> messages,
                                    @Schema(description = "true: text/event-stream of chat.completion.chunk")
                                    Boolean stream,
                                    Double temperature,
                                    @JsonProperty("max_tokens") Integer maxTokens,
                                    @Schema(description = "a stored chat of the caller, or local:… for none")
                                    @JsonProperty("chat_id") String chatId,
                                    @Schema(description = "the assistant message of chat_id to write the answer into")
                                    String id) {
    }

    public record Message(@Schema(example = "user") String role,
                          @Schema(description = "a string, or content parts of which the text parts are read")
                          Object content) {
    }

    @Schema(name = "ChatCompletion")
    public record Completion(String id, @Schema(example = "chat.completion") String object, long created,
                             String model, List<Choice> choices, Usage usage) {
    }

    public record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    public record Usage(@JsonProperty("prompt_tokens") long promptTokens,
                        @JsonProperty("completion_tokens") long completionTokens,
                        @JsonProperty("total_tokens") long totalTokens) {
    }

    @Schema(name = "ChatCompletedForm", description = "Any JSON object; answered as sent, without model_item")
    public record CompletedForm(String model, List<Map<String, Object>> messages,
                                @JsonProperty("chat_id") String chatId,
                                @JsonProperty("session_id") String sessionId) {
    }

    @Schema(name = "CompactChatForm")
    public record CompactForm(@Schema(description = "default: the branch's last assistant model, then chat.models[0]")
                              String model) {
    }

    @Schema(name = "CompactChatOutcome")
    public record CompactOutcome(boolean ok, boolean compacted,
                                 @Schema(allowableValues = {"disabled", "empty", "too_short"}) String reason,
                                 @JsonProperty("dropped_messages") Integer droppedMessages,
                                 @JsonProperty("kept_messages") Integer keptMessages,
                                 @JsonProperty("summary_chars") Integer summaryChars) {
    }
}
