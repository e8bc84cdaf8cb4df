package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.request.BodyFields;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.application.port.in.chat.CompactChatUseCase;
import dev.chats.application.port.in.chat.CompactionOutcome;
import dev.chats.domain.port.ModelUnavailableException;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.chats.adapters.rest.completion.CompletionSchemas;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.chats.adapters.rest.chat.ChatAnswers.answerNotVisibleAs;
import static dev.chats.adapters.rest.chat.ChatAnswers.chatId;

/**
 * REST adapter: {@code POST /api/v1/chats/{id}/compact} of Open WebUI's chats router. The body ({@code {"model"}},
 * optional) may be left out. Answers {@code {"ok": true, "compacted": false, "reason"}} when there was nothing to do,
 * or the counts of what the summary replaced; 400 when no model is named or found, 401 for a chat that is not the
 * caller's, 502 when the model fails (the chat is then unchanged).
 */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHAT_MESSAGES)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatCompactionController {

    private final JsonBodies bodies;
    private final CompactChatUseCase compaction;

    public ChatCompactionController(JsonBodies bodies, CompactChatUseCase compaction) {
        this.bodies = bodies;
        this.compaction = compaction;
    }

    @ApiResponse(responseCode = "200", description = "What the compaction did",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CompletionSchemas.CompactOutcome.class)))
    @Post("/{id}/compact")
    public Map<String, Object> compact(@Actor User actor, @PathVariable String id,
            @RequestBody(description = "optional", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CompletionSchemas.CompactForm.class)))
            @Nullable @Body byte[] body) {
        String model = null;
        if (body != null && body.length > 0 && !new String(body).isBlank()) {
            BodyFields form = new BodyFields(bodies.object(body));
            model = form.optionalString("model").orElse(null);
            form.validate();
        }
        String chosen = model;
        CompactionOutcome outcome;
        try {
            outcome = answerNotVisibleAs(OpenWebUiMessages.NOT_FOUND,
                    () -> compaction.compact(actor, chatId(id, OpenWebUiMessages.NOT_FOUND), chosen));
        } catch (CompactChatUseCase.NoCompactionModelException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (ModelUnavailableException e) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, "The model failed to answer: " + e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        answer.put("compacted", outcome.compacted());
        if (outcome.compacted()) {
            answer.put("dropped_messages", outcome.droppedMessages());
            answer.put("kept_messages", outcome.keptMessages());
            answer.put("summary_chars", outcome.summaryChars());
        } else {
            answer.put("reason", outcome.reason());
        }
        return answer;
    }
}
