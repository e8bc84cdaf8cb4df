package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.BodyFields;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.application.port.in.chat.ChatTagsUseCase;
import dev.chats.application.port.in.chat.ListTagsUseCase;
import dev.chats.domain.chat.PageRequest;
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

import java.util.List;

import static dev.chats.adapters.rest.chat.ChatAnswers.answerNotVisibleAs;
import static dev.chats.adapters.rest.chat.ChatAnswers.chatId;

/** REST adapter: the tag routes of Open WebUI's chats router. */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHAT_ORGANISE)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatTagsController {

    static final int LEGACY_DEFAULT_LIMIT = 50;

    private final JsonBodies bodies;
    private final ChatTagsUseCase chatTags;
    private final ListTagsUseCase listTags;

    public ChatTagsController(JsonBodies bodies, ChatTagsUseCase chatTags, ListTagsUseCase listTags) {
        this.bodies = bodies;
        this.chatTags = chatTags;
        this.listTags = listTags;
    }

    @Get(uris = {"/all/tags", "/tags/all"})
    public List<TagResponse> allTags(@Actor User actor) {
        return TagResponse.all(listTags.listTags(actor));
    }

    @Post("/tags")
    public List<ChatTitleIdResponse> chatsTagged(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.TagFilterForm.class)))
            @Nullable @Body byte[] body) {
        BodyFields form = new BodyFields(bodies.object(body));
        String name = form.requiredString("name");
        long skip = form.optionalLong("skip").orElse(0L);
        long limit = form.optionalLong("limit").orElse((long) LEGACY_DEFAULT_LIMIT);
        form.validate();
        PageRequest page = new PageRequest(Math.max(0, skip), (int) Math.max(1, Math.min(limit, PageRequest.MAX_LIMIT)));
        return ChatAnswers.titles(listTags.chatsTagged(actor, name, page));
    }

    @Get("/{id}/tags")
    public List<TagResponse> tagsOf(@Actor User actor, @PathVariable String id) {
        return answerNotVisibleAs(OpenWebUiMessages.NOT_FOUND,
                () -> TagResponse.all(chatTags.tagsOf(actor, chatId(id, OpenWebUiMessages.NOT_FOUND))));
    }

    @Post("/{id}/tags")
    public List<TagResponse> addTag(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.TagForm.class)))
            @Nullable @Body byte[] body) {
        String name = tagName(body);
        return answerNotVisibleAs(OpenWebUiMessages.DEFAULT,
                () -> TagResponse.all(chatTags.addTag(actor, chatId(id, OpenWebUiMessages.DEFAULT), name)));
    }

    @Delete("/{id}/tags")
    public List<TagResponse> removeTag(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.TagForm.class)))
            @Nullable @Body byte[] body) {
        String name = tagName(body);
        return answerNotVisibleAs(OpenWebUiMessages.NOT_FOUND,
                () -> TagResponse.all(chatTags.removeTag(actor, chatId(id, OpenWebUiMessages.NOT_FOUND), name)));
    }

    @Delete("/{id}/tags/all")
    public boolean clearTags(@Actor User actor, @PathVariable String id) {
        return answerNotVisibleAs(OpenWebUiMessages.NOT_FOUND, () -> {
            chatTags.clearTags(actor, chatId(id, OpenWebUiMessages.NOT_FOUND));
            return true;
        });
    }

    private String tagName(byte[] body) {
        BodyFields form = new BodyFields(bodies.object(body));
        String name = form.requiredString("name");
        form.validate();
        return name;
    }
}
