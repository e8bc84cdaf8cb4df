package dev.chats.adapters.rest.vapi;

import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.NestErrors;
import dev.chats.adapters.rest.openapi.VapiFilterQuery;
import dev.chats.adapters.rest.openapi.VapiPageQuery;
import dev.chats.adapters.rest.openapi.VapiSchemas;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.adapters.rest.request.ModelStreamScheduler;
import dev.chats.application.port.in.vapi.CreateVapiChatUseCase;
import dev.chats.application.port.in.vapi.DeleteVapiChatUseCase;
import dev.chats.application.port.in.vapi.GetVapiChatUseCase;
import dev.chats.application.port.in.vapi.ListVapiChatsUseCase;
import dev.chats.application.port.in.vapi.NewVapiChat;
import dev.chats.application.port.in.vapi.StreamVapiChatUseCase;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.port.ModelUnavailableException;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatCursor;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
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
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * REST adapter: Vapi's Chats API at the server root — {@code POST /chat} (whole: 201 with the chat; streamed: 200
 * server-sent events {@code {id, path, delta}} whose {@code id} is the stored chat's), {@code GET /chat} (paged and
 * filtered; beyond Vapi, keyset paging through {@code cursor} and {@code metadata.nextCursor}), {@code GET /chat/{id}} and {@code DELETE /chat/{id}} (answering the deleted chat), and
 * {@code POST /chat/responses}, the same turn in OpenAI Responses shapes ({@link ResponsesJson}). Each route is one
 * use-case call; errors answer NestJS's envelope ({@link NestError}), and another user's chat is answered exactly
 * as a missing one.
 */
@Controller(VapiRoutes.CHAT)
@Tag(name = ApiTags.VAPI_CHATS)
@NestErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class VapiChatController {

    static final String OUTPUT_PATH = "chat.output[0].content";
    private static final Logger LOG = LoggerFactory.getLogger(VapiChatController.class);

    private final JsonBodies bodies;
    private final JsonMapper json;
    private final Scheduler streams;
    private final CreateVapiChatUseCase createChat;
    private final StreamVapiChatUseCase streamChat;
    private final GetVapiChatUseCase getChat;
    private final ListVapiChatsUseCase listChats;
    private final DeleteVapiChatUseCase deleteChat;

    public VapiChatController(JsonBodies bodies, JsonMapper json, CreateVapiChatUseCase createChat,
                              StreamVapiChatUseCase streamChat, GetVapiChatUseCase getChat,
                              ListVapiChatsUseCase listChats, DeleteVapiChatUseCase deleteChat,
                              ModelStreamScheduler streams) {
        this.bodies = bodies;
        this.streams = streams.scheduler();
        this.json = json;
        this.createChat = createChat;
        this.streamChat = streamChat;
        this.getChat = getChat;
        this.listChats = listChats;
        this.deleteChat = deleteChat;
    }

    @ApiResponse(responseCode = "201", description = "Created: the chat with the model's output",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Chat.class)))
    @ApiResponse(responseCode = "200", description = "Streamed: server-sent events, each data one ChatStreamEvent",
            content = @Content(mediaType = "text/event-stream",
            schema = @Schema(implementation = VapiSchemas.ChatStreamEvent.class)))
    @Post
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    public HttpResponse<?> create(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VapiSchemas.CreateChat.class)))
            @Nullable @Body byte[] body) {
        NewVapiChat command = VapiChatForm.read(VapiBodies.object(bodies, body, true), false, Set.of());
        if (!command.stream()) {
            return HttpResponse.created(VapiChatJson.chat(createChat.create(actor, command)));
        }
        StreamVapiChatUseCase.Turn turn = streamChat.start(actor, command);
        String id = turn.id().value();
        Flux<Event<String>> events = Flux.<Event<String>>create(sink -> {
            AtomicBoolean gone = new AtomicBoolean();
            sink.onCancel(() -> gone.set(true));
            try {
                turn.run(delta -> {
                    if (gone.get()) {
                        throw new CancellationException("the client went away");
                    }
                    sink.next(Event.of(write(chunk(id, delta))));
                });
            } catch (CancellationException e) {
                LOG.debug("chat stream {} abandoned: the client went away", id);
            } catch (RuntimeException e) {
                // /chat documents no error event: the stream ends, and nothing was stored.
                LOG.warn("chat stream {} failed: {}", id, e.getMessage());
            }
            sink.complete();
        }).subscribeOn(streams);
        return HttpResponse.ok(events).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }

    /**
     * OpenAI Responses-compatible: the same turn as {@code POST /chat}, streamed unless {@code stream} is false;
     * {@code model} is accepted and ignored, {@code previous_response_id} is an alias of {@code previousChatId}.
     */
    @ApiResponse(responseCode = "201", description = "Created (stream: false): the response",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.ResponseObject.class)))
    @ApiResponse(responseCode = "200", description = "Streamed: server-sent events, each data one ResponseStreamEvent",
            content = @Content(mediaType = "text/event-stream",
            schema = @Schema(implementation = VapiSchemas.ResponseStreamEvent.class)))
    @Post("/responses")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    public HttpResponse<?> respond(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VapiSchemas.CreateResponse.class)))
            @Nullable @Body byte[] body) {
        Map<String, Object> form = VapiBodies.object(bodies, body, true);
        Object alias = form.remove("previous_response_id");
        if (alias != null && form.get("previousChatId") == null) {
            form.put("previousChatId", alias);
        }
        NewVapiChat command = VapiChatForm.read(form, true, Set.of("model"));
        if (!command.stream()) {
            return HttpResponse.created(ResponsesJson.response(createChat.create(actor, command)));
        }
        StreamVapiChatUseCase.Turn turn = streamChat.start(actor, command);
        String id = turn.id().value();
        Flux<Event<String>> events = Flux.<Event<String>>create(sink -> {
            AtomicBoolean gone = new AtomicBoolean();
            sink.onCancel(() -> gone.set(true));
            int[] sequence = {0};
            try {
                VapiChat chat = turn.run(delta -> {
                    if (gone.get()) {
                        throw new CancellationException("the client went away");
                    }
                    sink.next(Event.of(write(ResponsesJson.delta(id, delta, sequence[0]++))));
                });
                String text = String.valueOf(chat.output().get(0).get("content"));
                sink.next(Event.of(write(ResponsesJson.done(id, text, sequence[0]++))));
                sink.next(Event.of(write(ResponsesJson.completed(chat, sequence[0]++))));
            } catch (CancellationException e) {
                LOG.debug("response stream {} abandoned: the client went away", id);
            } catch (ModelUnavailableException e) {
                LOG.warn("response stream {} failed: {}", id, e.getMessage());
                sink.next(Event.of(write(ResponsesJson.error("model_unavailable",
                        "The model failed to answer: " + e.getMessage(), sequence[0]++))));
            } catch (RuntimeException e) {
                LOG.warn("response stream {} failed", id, e);
                sink.next(Event.of(write(ResponsesJson.error("server_error", "The response could not be completed",
                        sequence[0]++))));
            }
            sink.complete();
        }).subscribeOn(streams);
        return HttpResponse.ok(events).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }

    @VapiPageQuery
    @VapiFilterQuery
    @Parameter(name = "sessionId", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
    @Parameter(name = "previousChatId", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
    @Parameter(name = "cursor", in = ParameterIn.QUERY,
            description = "metadata.nextCursor of the previous page (keyset paging)", schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.ChatPage.class)))
    @Get
    public Map<String, Object> list(@Actor User actor, HttpRequest<?> request) {
        VapiListParams params = VapiListParams.read(request.getParameters(), actor.id());
        VapiChatPage page = listChats.list(actor, params.query());
        int limit = params.query().limit();
        long totalPages = limit == 0 ? 0 : (page.totalItems() + limit - 1) / limit;
        // Keyset paging knows only that a full page may have a successor; offset paging knows from the total.
        boolean hasNext = params.query().after() != null
                ? limit > 0 && page.results().size() == limit
                : params.query().page() < totalPages;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("itemsPerPage", limit);
        metadata.put("totalItems", page.totalItems());
        metadata.put("currentPage", params.query().page());
        metadata.put("totalPages", totalPages);
        metadata.put("hasNextPage", hasNext);
        metadata.put("sortOrder", params.sortOrder());
        if (hasNext && !page.results().isEmpty()) {
            metadata.put("nextCursor", VapiChatCursor.after(page.results().get(page.results().size() - 1)).encode());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("results", page.results().stream().map(VapiChatJson::chat).toList());
        answer.put("metadata", metadata);
        return answer;
    }

    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Chat.class)))
    @Get("/{id}")
    public Map<String, Object> get(@Actor User actor, @PathVariable String id) {
        return VapiChatJson.chat(getChat.get(actor, chatId(id)));
    }

    @ApiResponse(responseCode = "200", description = "The deleted chat",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Chat.class)))
    @Delete("/{id}")
    public Map<String, Object> delete(@Actor User actor, @PathVariable String id) {
        return VapiChatJson.chat(deleteChat.delete(actor, chatId(id)));
    }

    private static VapiChatId chatId(String text) {
        return VapiChatId.parse(text).orElseThrow(VapiChatNotFoundException::chat);
    }

    private static Map<String, Object> chunk(String id, String delta) {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", id);
        chunk.put("path", OUTPUT_PATH);
        chunk.put("delta", delta);
        return chunk;
    }

    private String write(Object tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
