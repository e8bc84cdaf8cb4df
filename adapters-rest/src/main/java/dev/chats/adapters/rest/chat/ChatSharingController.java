package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.BodyFields;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.application.port.in.chat.CloneChatUseCase;
import dev.chats.application.port.in.chat.ShareChatUseCase;
import dev.chats.application.port.in.chat.ShareNotFoundException;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;
import java.util.function.Supplier;

import static dev.chats.adapters.rest.chat.ChatAnswers.answerNotVisibleAs;
import static dev.chats.adapters.rest.chat.ChatAnswers.chatId;

/** REST adapter: sharing and cloning routes of Open WebUI's chats router. */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHAT_SHARING)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatSharingController {

    private final JsonBodies bodies;
    private final ShareChatUseCase sharing;
    private final CloneChatUseCase cloning;

    public ChatSharingController(JsonBodies bodies, ShareChatUseCase sharing, CloneChatUseCase cloning) {
        this.bodies = bodies;
        this.sharing = sharing;
        this.cloning = cloning;
    }

    @Post("/{id}/share")
    public ChatResponse share(@Actor User actor, @PathVariable String id) {
        return answerNotVisibleAs(OpenWebUiMessages.ACCESS_PROHIBITED,
                () -> ChatResponse.from(sharing.share(actor, chatId(id, OpenWebUiMessages.ACCESS_PROHIBITED))));
    }

    @Delete("/{id}/share")
    public boolean unshare(@Actor User actor, @PathVariable String id) {
        return answerNotVisibleAs(OpenWebUiMessages.ACCESS_PROHIBITED,
                () -> sharing.unshare(actor, chatId(id, OpenWebUiMessages.ACCESS_PROHIBITED)));
    }

    /** The newest router's withdrawal of every share of the caller; always {@code true}, as upstream answers. */
    @Delete("/share/all")
    public boolean unshareAll(@Actor User actor) {
        sharing.unshareAll(actor);
        return true;
    }

    @Get("/share/{shareId}")
    public ChatResponse readShared(@Actor User actor, @PathVariable String shareId) {
        return shareOr401(OpenWebUiMessages.NOT_FOUND,
                () -> ChatResponse.ofShare(sharing.readShared(actor, shareId)));
    }

    @Post("/{id}/clone/shared")
    public ChatResponse cloneShared(@Actor User actor, @PathVariable String id) {
        return shareOr401(OpenWebUiMessages.DEFAULT, () -> ChatResponse.from(sharing.cloneShared(actor, id)));
    }

    @Post("/{id}/clone")
    public ChatResponse cloneChat(@Actor User actor, @PathVariable String id,
            @RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = OpenWebUiSchemas.CloneForm.class)))
            @Nullable @Body byte[] body) {
        BodyFields form = new BodyFields(bodies.object(body));
        Optional<String> title = form.optionalString("title");
        form.validate();
        return answerNotVisibleAs(OpenWebUiMessages.DEFAULT, () -> ChatResponse.from(
                cloning.cloneChat(actor, chatId(id, OpenWebUiMessages.DEFAULT), title)));
    }

    /** The older route: no body, the title is always "Clone of …". */
    @Get("/{id}/clone")
    public ChatResponse cloneChatLegacy(@Actor User actor, @PathVariable String id) {
        return answerNotVisibleAs(OpenWebUiMessages.DEFAULT, () -> ChatResponse.from(
                cloning.cloneChat(actor, chatId(id, OpenWebUiMessages.DEFAULT), Optional.empty())));
    }

    private static <T> T shareOr401(String detail, Supplier<T> call) {
        try {
            return call.get();
        } catch (ShareNotFoundException e) {
            throw ApiException.unauthorized(detail);
        }
    }
}
