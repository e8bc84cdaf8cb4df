package dev.chats.adapters.rest.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * OpenAPI document: Vapi's request bodies, records and stream events, as schemas only (the routes read raw bodies
 * with class-validator's strictness and answer maps in Vapi's field order).
 */
public final class VapiSchemas {

    private VapiSchemas() {
    }

    @Schema(name = "CreateChatDTO", description = "Exactly one of assistantId, assistant, sessionId or "
            + "previousChatId's history source; unknown properties answer 400")
    public record CreateChat(String assistantId,
                             @Schema(description = "A transient assistant: {model: {provider, model, messages?}, …}")
                             Map<String, Object> assistant,
                             Map<String, Object> assistantOverrides,
                             String name,
                             String sessionId,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, oneOf = {String.class, Messages.class},
                                     description = "The user's text, or a list of messages") Object input,
                             @Schema(description = "true: answer as server-sent ChatStreamEvent", defaultValue = "false")
                             Boolean stream,
                             String previousChatId) {
    }

    @Schema(name = "CreateResponseDTO", description = "CreateChatDTO in OpenAI Responses form: streamed unless "
            + "stream is false; model is accepted and ignored")
    public record CreateResponse(String assistantId,
                                 Map<String, Object> assistant,
                                 Map<String, Object> assistantOverrides,
                                 String name,
                                 String sessionId,
                                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, oneOf = {String.class, Messages.class}) Object input,
                                 @Schema(defaultValue = "true") Boolean stream,
                                 String previousChatId,
                                 @JsonProperty("previous_response_id")
                                 @Schema(description = "An alias of previousChatId") String previousResponseId,
                                 String model) {
    }

    @Schema(name = "Message", description = "An OpenAI-style message")
    public record Message(@Schema(example = "user") String role, @Schema(nullable = true) String content) {
    }

    @Schema(name = "Messages")
    public static final class Messages extends java.util.ArrayList<Message> {
    }

    @Schema(name = "Chat")
    public record Chat(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's user id") String orgId,
                       String assistantId,
                       Map<String, Object> assistant,
                       Map<String, Object> assistantOverrides,
                       String name,
                       String sessionId,
                       String previousChatId,
                       @Schema(oneOf = {String.class, Messages.class}) Object input,
                       boolean stream,
                       @Schema(description = "The conversation so far") List<Message> messages,
                       List<Message> output,
                       @Schema(description = "[{type: \"model\", model, promptTokens, completionTokens, cost}]")
                       List<Map<String, Object>> costs,
                       @Schema(description = "USD") double cost,
                       @Schema(format = "date-time") String createdAt,
                       @Schema(format = "date-time") String updatedAt) {
    }

    @Schema(name = "PaginationMeta")
    public record PaginationMeta(int itemsPerPage, long totalItems, int currentPage, long totalPages,
                                 boolean hasNextPage,
                                 @Schema(allowableValues = {"ASC", "DESC"}) String sortOrder,
                                 @Schema(description = "Beyond Vapi (GET /chat only): pass as ?cursor= for the next "
                                         + "page by keyset; present while a next page may exist") String nextCursor) {
    }

    @Schema(name = "ChatPaginatedResponse")
    public record ChatPage(List<Chat> results, PaginationMeta metadata) {
    }

    @Schema(name = "ChatStreamEvent", description = "One server-sent event's data of a streamed POST /chat")
    public record ChatStreamEvent(@Schema(description = "The stored chat's id") String id,
                                  @Schema(example = "chat.output[0].content") String path,
                                  String delta) {
    }

    @Schema(name = "ResponseObject", description = "OpenAI Responses' response; id is the stored chat's")
    public record ResponseObject(String id,
                                 @Schema(example = "response") String object,
                                 @JsonProperty("created_at") long createdAt,
                                 @Schema(example = "completed") String status,
                                 @Schema(nullable = true) Map<String, Object> error,
                                 @Schema(description = "[{id, type: \"message\", role: \"assistant\", status, content: "
                                         + "[{type: \"output_text\", text, annotations}]}]")
                                 List<Map<String, Object>> output,
                                 String model,
                                 @Schema(description = "{input_tokens, output_tokens, total_tokens}")
                                 Map<String, Long> usage) {
    }

    @Schema(name = "ResponseStreamEvent", description = "One server-sent event's data of a streamed "
            + "POST /chat/responses: response.output_text.delta (delta), one response.output_text.done (text), a "
            + "final response.completed (response), or error (code, message)")
    public record ResponseStreamEvent(@Schema(allowableValues = {"response.output_text.delta",
            "response.output_text.done", "response.completed", "error"}) String type,
                                      @JsonProperty("item_id") String itemId,
                                      @JsonProperty("output_index") Integer outputIndex,
                                      @JsonProperty("content_index") Integer contentIndex,
                                      String delta,
                                      String text,
                                      ResponseObject response,
                                      String code,
                                      String message,
                                      @JsonProperty("sequence_number") int sequenceNumber) {
    }

    @Schema(name = "CreateSessionDTO", description = "Unknown properties, squads, customers and phone numbers "
            + "answer 400; assistantId and assistant exclude each other")
    public record CreateSession(String name,
                                @Schema(allowableValues = {"active", "completed"}) String status,
                                Integer expirationSeconds,
                                String assistantId,
                                Map<String, Object> assistant,
                                @Schema(description = "variableValues are substituted into the assistant")
                                Map<String, Object> assistantOverrides,
                                List<Message> messages) {
    }

    @Schema(name = "UpdateSessionDTO")
    public record UpdateSession(String name,
                                @Schema(allowableValues = {"active", "completed"}) String status,
                                Integer expirationSeconds,
                                List<Message> messages) {
    }

    @Schema(name = "Session")
    public record Session(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String orgId,
                          String name,
                          @Schema(allowableValues = {"active", "completed"}) String status,
                          Integer expirationSeconds,
                          String assistantId,
                          Map<String, Object> assistant,
                          Map<String, Object> assistantOverrides,
                          List<Message> messages,
                          Map<String, Object> metadata,
                          double cost,
                          List<Map<String, Object>> costs,
                          @Schema(format = "date-time") String createdAt,
                          @Schema(format = "date-time") String updatedAt) {
    }

    @Schema(name = "SessionPaginatedResponse")
    public record SessionPage(List<Session> results, PaginationMeta metadata) {
    }

    @Schema(name = "CreateAssistantDTO", description = "An assistant definition, kept as sent", additionalProperties =
            Schema.AdditionalPropertiesValue.TRUE)
    public record AssistantDefinition(String name,
                                      @Schema(description = "{provider: \"openai\" | \"custom-llm\", model, url?, "
                                              + "messages?}") Map<String, Object> model,
                                      String firstMessage) {
    }

    @Schema(name = "Assistant", description = "The definition as sent, with id, orgId and times",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
    public record Assistant(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String orgId,
                            String name,
                            Map<String, Object> model,
                            @Schema(format = "date-time") String createdAt,
                            @Schema(format = "date-time") String updatedAt) {
    }
}
