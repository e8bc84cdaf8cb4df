package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.BodyFields;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.application.port.in.chat.EditMessageUseCase;
import dev.chats.domain.chat.Message;
import dev.chats.domain.text.StorableText;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Locale;
import java.util.Map;

import static dev.chats.adapters.rest.chat.ChatAnswers.answerNotVisibleAs;
import static dev.chats.adapters.rest.chat.ChatAnswers.chatId;

/** REST adapter: the message routes of Open WebUI's chats router, used by tools and pipelines. */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHAT_MESSAGES)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatMessagesController {

    private final JsonBodies bodies;
    private final EditMessageUseCase messages;

    public ChatMessagesController(JsonBodies bodies, EditMessageUseCase messages) {
        this.bodies = bodies;
        this.messages = messages;
    }

    /**
     * Open WebUI answers the whole chat; a client sending {@code Prefer: return=minimal} (RFC 7240) gets 204 instead,
     * so a message written into a chat of tens of MB costs what it does in a short chat: neither the write nor the
     * answer reads the chat's other messages.
     */
    @ApiResponse(responseCode = "200", description = "The whole chat",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChatResponse.class)))
    @ApiResponse(responseCode = "204",
            description = "With Prefer: return=minimal (answered with Preference-Applied: return=minimal)")
    @Post("/{id}/messages/{messageId}")
    public HttpResponse<?> upsert(@Actor User actor, @PathVariable String id, @PathVariable String messageId,
                                  @Nullable @Header("Prefer") String prefer, @RequestBody(required = true,
                                          content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.MessageForm.class)))
            @Nullable @Body byte[] body) {
        BodyFields form = new BodyFields(bodies.object(body));
        String content = form.requiredString("content");
        form.validate();
        String message = messageId(messageId);
        if (prefersMinimal(prefer)) {
            answerNotVisibleAs(OpenWebUiMessages.ACCESS_PROHIBITED, () -> {
                messages.setContent(actor, chatId(id, OpenWebUiMessages.ACCESS_PROHIBITED), message, content);
                return true;
            });
            return HttpResponse.noContent().header("Preference-Applied", "return=minimal");
        }
        return HttpResponse.ok(ChatResponse.from(answerNotVisibleAs(OpenWebUiMessages.ACCESS_PROHIBITED, () ->
                messages.upsertContent(actor, chatId(id, OpenWebUiMessages.ACCESS_PROHIBITED), message, content))));
    }

    /** Whether a {@code Prefer} header asks for {@code return=minimal} among its comma-separated preferences. */
    static boolean prefersMinimal(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].replace(" ", "").toLowerCase(Locale.ROOT);
            if (token.equals("return=minimal") || token.equals("return=\"minimal\"")) {
                return true;
            }
        }
        return false;
    }

    @Post("/{id}/messages/{messageId}/event")
    public boolean event(@Actor User actor, @PathVariable String id, @PathVariable String messageId,
                         @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.EventForm.class)))
            @Nullable @Body byte[] body) {
        BodyFields form = new BodyFields(bodies.object(body));
        String type = form.requiredString("type");
        Map<String, Object> data = form.requiredObject("data");
        form.validate();
        String message = messageId(messageId);
        return answerNotVisibleAs(OpenWebUiMessages.ACCESS_PROHIBITED, () -> {
            messages.pushEvent(actor, chatId(id, OpenWebUiMessages.ACCESS_PROHIBITED), message, type, data);
            return true;
        });
    }

    /** The message id as body keys are kept: without the characters no store can keep. */
    private static String messageId(String raw) {
        String id = StorableText.clean(raw);
        if (id.isEmpty()) {
            throw ValidationErrors.single("string_too_short", "String should have at least 1 character", raw,
                    "path", "message_id");
        }
        if (id.length() > Message.MAX_ID_LENGTH) {
            throw ValidationErrors.single("string_too_long", "String should have at most " + Message.MAX_ID_LENGTH
                    + " characters", raw, "path", "message_id");
        }
        return id;
    }
}
