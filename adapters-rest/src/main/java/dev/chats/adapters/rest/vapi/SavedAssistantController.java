package dev.chats.adapters.rest.vapi;

import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.NestErrors;
import dev.chats.adapters.rest.openapi.VapiPageQuery;
import dev.chats.adapters.rest.openapi.VapiSchemas;
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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST adapter: Vapi's assistants at {@code /assistant} — save (201), list (an array, newest first, {@code limit}
 * and the time bounds), read, change ({@code PATCH} replaces the given fields) and delete. The definition is kept
 * as sent; errors answer NestJS's envelope; another user's assistant answers as a missing one.
 */
@Controller(VapiRoutes.ASSISTANT)
@Tag(name = ApiTags.VAPI_ASSISTANTS)
@NestErrors
@SecurityRequirement(name = ApiDocument.BEARER)
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

    @ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Assistant.class)))
    @Post
    public HttpResponse<Map<String, Object>> create(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VapiSchemas.AssistantDefinition.class)))
            @Nullable @Body byte[] body) {
        return HttpResponse.created(json(assistants.create(actor, VapiBodies.object(bodies, body, false))));
    }

    @VapiPageQuery
    @ApiResponse(responseCode = "200", description = "Newest first", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = VapiSchemas.Assistant.class))))
    @Get
    public List<Map<String, Object>> list(@Actor User actor, HttpRequest<?> request) {
        VapiChatQuery query = VapiListParams.read(request.getParameters(), actor.id()).query();
        return assistants.list(actor, query.createdAt(), query.updatedAt(), query.limit()).stream()
                .map(SavedAssistantController::json).toList();
    }

    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Assistant.class)))
    @Get("/{id}")
    public Map<String, Object> get(@Actor User actor, @PathVariable String id) {
        return json(assistants.get(actor, assistantId(id)));
    }

    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Assistant.class)))
    @Patch("/{id}")
    public Map<String, Object> update(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            description = "Fields to change; the rest is kept", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VapiSchemas.AssistantDefinition.class)))
            @Nullable @Body byte[] body) {
        return json(assistants.update(actor, assistantId(id), VapiBodies.object(bodies, body, false)));
    }

    @ApiResponse(responseCode = "200", description = "The deleted assistant",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Assistant.class)))
    @Delete("/{id}")
    public Map<String, Object> delete(@Actor User actor, @PathVariable String id) {
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
