package dev.chats.adapters.rest.vapi;

import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.application.port.in.vapi.SavedAssistantsUseCase;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.VapiChatQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST adapter: Vapi's assistants at {@code /assistant} — save (201), list (an array, newest first, {@code limit}
 * and the time bounds), read, change ({@code PATCH} replaces the given fields) and delete. The definition is kept
 * as sent; errors answer NestJS's envelope; another user's assistant answers as a missing one.
 */
@Controller(VapiRoutes.ASSISTANT)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class SavedAssistantController {

    private final JsonBodies bodies;
    private final SavedAssistantsUseCase assistants;

    public SavedAssistantController(JsonBodies bodies, SavedAssistantsUseCase assistants) {
        this.bodies = bodies;
        this.assistants = assistants;
    }

    @Post
    public HttpResponse<Map<String, Object>> create(User actor, @Nullable @Body byte[] body) {
        return HttpResponse.created(json(assistants.create(actor, VapiBodies.object(bodies, body, false))));
    }

    @Get
    public List<Map<String, Object>> list(User actor, HttpRequest<?> request) {
        VapiChatQuery query = VapiListParams.read(request.getParameters(), actor.id()).query();
        return assistants.list(actor, query.createdAt(), query.updatedAt(), query.limit()).stream()
                .map(SavedAssistantController::json).toList();
    }

    @Get("/{id}")
    public Map<String, Object> get(User actor, @PathVariable String id) {
        return json(assistants.get(actor, assistantId(id)));
    }

    @Patch("/{id}")
    public Map<String, Object> update(User actor, @PathVariable String id, @Nullable @Body byte[] body) {
        return json(assistants.update(actor, assistantId(id), VapiBodies.object(bodies, body, false)));
    }

    @Delete("/{id}")
    public Map<String, Object> delete(User actor, @PathVariable String id) {
        return json(assistants.delete(actor, assistantId(id)));
    }

    private static SavedAssistantId assistantId(String text) {
        return SavedAssistantId.parse(text).orElseThrow(() -> new VapiChatNotFoundException("Assistant not found"));
    }

    /** Vapi's {@code Assistant}: the definition with {@code id}, {@code orgId} and ISO times. */
    static Map<String, Object> json(SavedAssistant assistant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", assistant.id().value());
        json.put("orgId", assistant.ownerId().value());
        json.putAll(assistant.definition());
        json.put("createdAt", VapiChatJson.iso(assistant.createdAt()));
        json.put("updatedAt", VapiChatJson.iso(assistant.updatedAt()));
        return json;
    }
}
