package dev.chats.adapters.rest.completion;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.adapters.rest.request.ModelStreamScheduler;
import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.application.port.in.chat.CompleteConversationUseCase;
import dev.chats.application.port.in.chat.CompleteConversationUseCase.Conversation;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.completion.Completion;
import dev.chats.domain.port.ModelUnavailableException;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * REST adapter: the chat routes of Open WebUI's {@code main.py} that its clients call beside the chats router.
 *
 * <ul>
 *   <li>{@code POST /api/chat/completions} (also {@code /api/v1/chat/completions}, as Open WebUI serves it, and
 *   {@code /api/api/chat/completions}, where {@code owui_client}'s {@code chat_completion_api} sends it): an OpenAI
 *   Chat Completions request answered through the server's model connection, whole or streamed.</li>
 *   <li>{@code POST /api/chat/completed}: Open WebUI runs the model's outlet filters here; this server has no
 *   filters, so the form comes back as sent, as Open WebUI answers for a model without filters.</li>
 *   <li>{@code POST /api/chat/actions/{action_id}}: Open WebUI runs an installed action function; this server has
 *   none, so every action answers as Open WebUI does for one that is not installed.</li>
 * </ul>
 */
@Controller("/api")
@Tag(name = ApiTags.CHATS)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatCompletionsController {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsController.class);

    private final JsonBodies bodies;
    private final JsonMapper json;
    private final Scheduler streams;
    private final CompleteConversationUseCase completions;

    public ChatCompletionsController(JsonBodies bodies, JsonMapper json, CompleteConversationUseCase completions,
                                     ModelStreamScheduler streams) {
        this.bodies = bodies;
        this.streams = streams.scheduler();
        this.json = json;
        this.completions = completions;
    }

    @ApiResponse(responseCode = "200",
            description = "The completion; streamed: chat.completion.chunk events, then [DONE]",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CompletionSchemas.Completion.class)))
    @Post("/chat/completions")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    public HttpResponse<?> complete(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CompletionSchemas.CompletionRequest.class)))
            @Nullable @Body byte[] body) {
        CompletionForm form = CompletionForm.read(bodies.object(body));
        Conversation conversation = form.conversation();
        checkChatId(conversation);
        CompleteConversationUseCase.Run run = answer(() -> completions.start(actor, conversation));
        String id = "chatcmpl-" + UUID.randomUUID();
        long created = System.currentTimeMillis() / 1000;
        if (!form.stream()) {
            Completion answer = answer(() -> run.complete(null));
            return HttpResponse.ok(CompletionJson.whole(id, created, conversation.model(), answer));
        }
        Flux<Event<String>> events = Flux.<Event<String>>create(sink -> {
            AtomicBoolean gone = new AtomicBoolean();
            sink.onCancel(() -> gone.set(true));
            try {
                sink.next(Event.of(write(CompletionJson.start(id, created, conversation.model()))));
                Completion answer = run.complete(delta -> {
                    if (gone.get()) {
                        throw new CancellationException("the client went away");
                    }
                    sink.next(Event.of(write(CompletionJson.delta(id, created, conversation.model(), delta))));
                });
                sink.next(Event.of(write(CompletionJson.end(id, created, conversation.model(), answer.usage()))));
            } catch (CancellationException e) {
                LOG.debug("completion stream {} abandoned: the client went away", id);
            } catch (ChatNotFoundException e) {
                // checked before the stream began: the chat was deleted while the model answered
                sink.next(Event.of(write(CompletionJson.error(OpenWebUiMessages.NOT_FOUND))));
            } catch (ModelUnavailableException e) {
                LOG.warn("completion stream {} failed: {}", id, e.getMessage());
                sink.next(Event.of(write(CompletionJson.error(modelFailed(e)))));
            } catch (RuntimeException e) {
                LOG.warn("completion stream {} failed", id, e);
                sink.next(Event.of(write(CompletionJson.error(OpenWebUiMessages.DEFAULT))));
            }
            sink.next(Event.of("[DONE]"));
            sink.complete();
        }).subscribeOn(streams);
        return HttpResponse.ok(events).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }

    /** Open WebUI's "experimental compatibility with the OpenAI API" path for the same route. */
    @ApiResponse(responseCode = "200",
            description = "The completion; streamed: chat.completion.chunk events, then [DONE]",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CompletionSchemas.Completion.class)))
    @Post("/v1/chat/completions")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    public HttpResponse<?> completeV1(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CompletionSchemas.CompletionRequest.class)))
            @Nullable @Body byte[] body) {
        return complete(actor, body);
    }

    /** Where {@code owui_client}'s {@code chat_completion_api} posts: {@code /api/chat/completions} on its base. */
    @ApiResponse(responseCode = "200",
            description = "The completion; streamed: chat.completion.chunk events, then [DONE]",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CompletionSchemas.Completion.class)))
    @Post("/api/chat/completions")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM})
    public HttpResponse<?> completeOnClientBase(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CompletionSchemas.CompletionRequest.class)))
            @Nullable @Body byte[] body) {
        return complete(actor, body);
    }

    @ApiResponse(responseCode = "200", description = "The form as sent, without model_item",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CompletionSchemas.CompletedForm.class)))
    @Post("/chat/completed")
    public Map<String, Object> completed(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CompletionSchemas.CompletedForm.class)))
            @Nullable @Body byte[] body) {
        Map<String, Object> form = bodies.object(body);
        form.remove("model_item");
        return form;
    }

    @ApiResponse(responseCode = "200", description = "The form as sent, without model_item",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = CompletionSchemas.CompletedForm.class)))
    @Post("/api/chat/completed")
    public Map<String, Object> completedOnClientBase(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CompletionSchemas.CompletedForm.class)))
            @Nullable @Body byte[] body) {
        return completed(actor, body);
    }

    @ApiResponse(responseCode = "400", description = "Action not found: no action functions are installed here")
    @Post("/chat/actions/{actionId}")
    public void action(@Actor User actor, @PathVariable String actionId,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CompletionSchemas.CompletedForm.class)))
            @Nullable @Body byte[] body) {
        bodies.object(body);
        String function = actionId.contains(".") ? actionId.substring(0, actionId.indexOf('.')) : actionId;
        throw ApiException.badRequest("Action not found: " + function);
    }

    /** A chat id that cannot name a chat answers as a chat that is not the caller's, before the model is asked. */
    private static void checkChatId(Conversation conversation) {
        if (conversation.namesStoredChat()) {
            try {
                new ChatId(conversation.chatId());
            } catch (IllegalArgumentException e) {
                throw ApiException.notFound(OpenWebUiMessages.NOT_FOUND);
            }
        }
    }

    private static <T> T answer(Supplier<T> call) {
        try {
            return call.get();
        } catch (ChatNotFoundException e) {
            throw ApiException.notFound(OpenWebUiMessages.NOT_FOUND);
        } catch (ModelUnavailableException e) {
            LOG.warn("completion failed: {}", e.getMessage());
            throw new ApiException(HttpStatus.BAD_GATEWAY, modelFailed(e));
        }
    }

    private static String modelFailed(ModelUnavailableException e) {
        return "The model failed to answer: " + e.getMessage();
    }

    private String write(Object tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
