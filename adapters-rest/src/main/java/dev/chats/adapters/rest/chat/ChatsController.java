package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.adapters.rest.request.JsonStream;
import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.application.port.in.chat.CreateChatUseCase;
import dev.chats.application.port.in.chat.DeleteAllChatsUseCase;
import dev.chats.application.port.in.chat.DeleteChatUseCase;
import dev.chats.application.port.in.chat.ExportAllChatsUseCase;
import dev.chats.application.port.in.chat.ExportChatsUseCase;
import dev.chats.application.port.in.chat.GetChatUseCase;
import dev.chats.application.port.in.chat.ListChatTitlesUseCase;
import dev.chats.application.port.in.chat.UpdateChatUseCase;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

import static dev.chats.adapters.rest.chat.ChatAnswers.answerNotVisibleAs;
import static dev.chats.adapters.rest.chat.ChatAnswers.chatId;
import static dev.chats.adapters.rest.chat.ChatAnswers.stream;

/**
 * REST adapter: the chat lifecycle routes of Open WebUI's {@code /api/v1/chats} router — create, read, merge,
 * delete, the sidebar list and the exports. Each route is one use-case call.
 */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHATS)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatsController {

    private final JsonBodies bodies;
    private final JsonStream jsonStream;
    private final CreateChatUseCase createChat;
    private final GetChatUseCase getChat;
    private final UpdateChatUseCase updateChat;
    private final DeleteChatUseCase deleteChat;
    private final DeleteAllChatsUseCase deleteAllChats;
    private final ListChatTitlesUseCase listTitles;
    private final ExportChatsUseCase exportChats;
    private final ExportAllChatsUseCase exportAllChats;

    public ChatsController(JsonBodies bodies, JsonStream jsonStream, CreateChatUseCase createChat, GetChatUseCase getChat,
                           UpdateChatUseCase updateChat, DeleteChatUseCase deleteChat,
                           DeleteAllChatsUseCase deleteAllChats, ListChatTitlesUseCase listTitles,
                           ExportChatsUseCase exportChats, ExportAllChatsUseCase exportAllChats) {
        this.bodies = bodies;
        this.jsonStream = jsonStream;
        this.createChat = createChat;
        this.getChat = getChat;
        this.updateChat = updateChat;
        this.deleteChat = deleteChat;
        this.deleteAllChats = deleteAllChats;
        this.listTitles = listTitles;
        this.exportChats = exportChats;
        this.exportAllChats = exportAllChats;
    }

    /**
     * One page is answered as a list with its length (measured: several times the throughput of streaming the same
     * 60 titles); without {@code page} every title is streamed, so memory stays flat however many chats.
     */
    @ApiResponse(responseCode = "200", description = "Titles, newest first: one page of 60 with ?page=, else all",
            content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = ChatTitleIdResponse.class))))
    @Get(uris = {"/", "/list"})
    public HttpResponse<?> list(@Actor User actor, @Nullable @QueryValue String page,
                                               @Nullable @QueryValue("include_pinned") String includePinned,
                                               @Nullable @QueryValue("include_folders") String includeFolders) {
        ListChatTitlesUseCase.Options options = new ListChatTitlesUseCase.Options(
                QueryParams.bool("include_pinned", includePinned, false),
                QueryParams.bool("include_folders", includeFolders, false));
        Optional<Long> pageNumber = QueryParams.integer("page", page, 1);
        if (pageNumber.isPresent()) {
            return HttpResponse.ok(listTitles.page(actor, options, pageNumber.get()).stream()
                    .map(ChatTitleIdResponse::from).toList());
        }
        return HttpResponse.ok(stream(listTitles.all(actor, options)).map(ChatTitleIdResponse::from));
    }

    @Post("/new")
    public ChatResponse create(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.ChatForm.class)))
            @Nullable @Body byte[] body) {
        ChatForm form = ChatForm.read(bodies.object(body));
        return ChatResponse.from(createChat.create(actor, new CreateChatUseCase.Command(form.chat(), form.folderId())));
    }

    /** Every chat of the caller: NDJSON when asked for {@code application/x-ndjson} (the newest front-end), else an array. */
    @ApiResponse(responseCode = "200",
            description = "Every chat of the caller; one per line with Accept: application/x-ndjson",
            content = {@Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = ChatResponse.class))),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = ChatResponse.class))})
    @Get("/all")
    public HttpResponse<?> exportOwn(@Actor User actor, HttpRequest<?> request) {
        return jsonStream.answer(request, exportChats.exportOwn(actor), ChatResponse::from);
    }

    /** Admin export of every chat, in the same two shapes as {@code /all}. */
    @ApiResponse(responseCode = "200",
            description = "Every chat (admin); one per line with Accept: application/x-ndjson",
            content = {@Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = ChatResponse.class))),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = ChatResponse.class))})
    @Get("/all/db")
    public HttpResponse<?> exportAll(@Actor User actor, HttpRequest<?> request) {
        return jsonStream.answer(request, exportAllChats.exportAll(actor), ChatResponse::from);
    }

    @Delete("/")
    public boolean deleteAll(@Actor User actor) {
        deleteAllChats.deleteAll(actor);
        return true;
    }

    @Get("/{id}")
    public ChatResponse get(@Actor User actor, @PathVariable String id) {
        return answerNotVisibleAs(OpenWebUiMessages.NOT_FOUND,
                () -> ChatResponse.from(getChat.get(actor, chatId(id, OpenWebUiMessages.NOT_FOUND))));
    }

    @Post("/{id}")
    public ChatResponse update(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            description = "Merged into the stored chat document", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.ChatForm.class)))
            @Nullable @Body byte[] body) {
        ChatForm form = ChatForm.read(bodies.object(body));
        return answerNotVisibleAs(OpenWebUiMessages.ACCESS_PROHIBITED, () -> ChatResponse.from(
                updateChat.update(actor, chatId(id, OpenWebUiMessages.ACCESS_PROHIBITED), form.chat())));
    }

    @Delete("/{id}")
    public boolean delete(@Actor User actor, @PathVariable String id) {
        deleteChat.delete(actor, chatIdOr404(id));
        return true;
    }

    private static ChatId chatIdOr404(String raw) {
        try {
            return new ChatId(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(OpenWebUiMessages.NOT_FOUND);
        }
    }
}
