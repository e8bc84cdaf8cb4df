package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.BodyFields;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.application.port.in.chat.ChatFoldersUseCase;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Optional;

import static dev.chats.adapters.rest.chat.ChatAnswers.answerNotVisibleAs;
import static dev.chats.adapters.rest.chat.ChatAnswers.chatId;
import static dev.chats.adapters.rest.chat.ChatAnswers.stream;

/** REST adapter: filing chats in folders and the folder chat lists of Open WebUI's chats router. */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHAT_ORGANISE)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatFoldersController {

    private final JsonBodies bodies;
    private final ChatFoldersUseCase chatFolders;

    public ChatFoldersController(JsonBodies bodies, ChatFoldersUseCase chatFolders) {
        this.bodies = bodies;
        this.chatFolders = chatFolders;
    }

    @Post("/{id}/folder")
    public ChatResponse move(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.FolderIdForm.class)))
            @Nullable @Body byte[] body) {
        BodyFields form = new BodyFields(bodies.object(body));
        Optional<FolderId> folderId = form.optionalFolderId("folder_id");
        form.validate();
        return answerNotVisibleAs(OpenWebUiMessages.DEFAULT, () -> ChatResponse.from(
                chatFolders.moveToFolder(actor, chatId(id, OpenWebUiMessages.DEFAULT), folderId)));
    }

    @Get("/folder/{folderId}")
    public Publisher<ChatResponse> folderTree(@Actor User actor, @PathVariable String folderId) {
        return pathFolderId(folderId).map(folder -> stream(chatFolders.chatsInFolderTree(actor, folder))
                .map(ChatResponse::from)).orElseGet(Flux::empty);
    }

    @Get("/folder/{folderId}/list")
    public List<FolderChatItem> folderPage(@Actor User actor, @PathVariable String folderId,
                                           @Nullable @QueryValue String page) {
        long pageNumber = QueryParams.integer("page", page, 1).orElse(1L);
        return pathFolderId(folderId).map(folder -> chatFolders.folderPage(actor, folder, pageNumber).stream()
                .map(FolderChatItem::from).toList()).orElseGet(List::of);
    }

    /** The folder a path names; one no folder id can be (blank, over-long) holds no chats. */
    private static Optional<FolderId> pathFolderId(String raw) {
        return raw.isBlank() || raw.length() > FolderId.MAX_LENGTH ? Optional.empty()
                : Optional.of(new FolderId(raw));
    }
}
