package dev.chats.adapters.rest.vapi;

import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.NestErrors;
import dev.chats.adapters.rest.openapi.VapiFilterQuery;
import dev.chats.adapters.rest.openapi.VapiPageQuery;
import dev.chats.adapters.rest.openapi.VapiSchemas;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.application.port.in.vapi.VapiSessionsUseCase;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionPage;
import dev.chats.domain.vapi.VapiSessionQuery;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
 * REST adapter: Vapi's sessions at {@code /session} — open (201), list (paged like chats), read, change and delete
 * (answering the deleted session). Errors answer NestJS's envelope; another user's session answers as a missing one.
 */
@Controller(VapiRoutes.SESSION)
@Tag(name = ApiTags.VAPI_SESSIONS)
@NestErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class VapiSessionController {

    private final JsonBodies bodies;
    private final VapiSessionsUseCase sessions;

    public VapiSessionController(JsonBodies bodies, VapiSessionsUseCase sessions) {
        this.bodies = bodies;
        this.sessions = sessions;
    }

    @ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Session.class)))
    @Post
    public HttpResponse<Map<String, Object>> create(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VapiSchemas.CreateSession.class)))
            @Nullable @Body byte[] body) {
        Map<String, Object> form = VapiBodies.object(bodies, body, false);
        return HttpResponse.created(json(sessions.create(actor, VapiSessionForm.create(form))));
    }

    @VapiPageQuery
    @VapiFilterQuery
    @Parameter(name = "name", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.SessionPage.class)))
    @Get
    public Map<String, Object> list(@Actor User actor, HttpRequest<?> request) {
        VapiSessionQuery query = VapiListParams.readSessions(request.getParameters(), actor.id());
        VapiSessionPage page = sessions.list(actor, query);
        long totalPages = query.limit() == 0 ? 0 : (page.totalItems() + query.limit() - 1) / query.limit();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("itemsPerPage", query.limit());
        metadata.put("totalItems", page.totalItems());
        metadata.put("currentPage", query.page());
        metadata.put("totalPages", totalPages);
        metadata.put("hasNextPage", query.page() < totalPages);
        metadata.put("sortOrder", query.ascending() ? "ASC" : "DESC");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("results", page.results().stream().map(VapiSessionController::json).toList());
        answer.put("metadata", metadata);
        return answer;
    }

    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Session.class)))
    @Get("/{id}")
    public Map<String, Object> get(@Actor User actor, @PathVariable String id) {
        return json(sessions.get(actor, sessionId(id)));
    }

    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Session.class)))
    @Patch("/{id}")
    public Map<String, Object> update(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = VapiSchemas.UpdateSession.class)))
            @Nullable @Body byte[] body) {
        Map<String, Object> form = VapiBodies.object(bodies, body, false);
        return json(sessions.update(actor, sessionId(id), VapiSessionForm.update(form)));
    }

    @ApiResponse(responseCode = "200", description = "The deleted session",
            content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = VapiSchemas.Session.class)))
    @Delete("/{id}")
    public Map<String, Object> delete(@Actor User actor, @PathVariable String id) {
        return json(sessions.delete(actor, sessionId(id)));
    }

    private static VapiSessionId sessionId(String text) {
        return VapiSessionId.parse(text).orElseThrow(() -> new VapiChatNotFoundException("Session not found"));
    }

    /** Vapi's {@code Session}: camelCase, ISO times, {@code orgId} the owner's id, absent fields left out. */
    static Map<String, Object> json(VapiSession session) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", session.id().value());
        json.put("orgId", session.ownerId().value());
        if (session.name() != null) {
            json.put("name", session.name());
        }
        json.put("status", session.status().wireName());
        json.put("expirationSeconds", session.expirationSeconds());
        if (session.assistantId() != null) {
            json.put("assistantId", session.assistantId());
        }
        if (session.assistant() != null) {
            json.put("assistant", session.assistant());
        }
        if (session.assistantOverrides() != null) {
            json.put("assistantOverrides", session.assistantOverrides());
        }
        json.put("messages", session.messages());
        if (session.metadata() != null) {
            json.put("metadata", session.metadata());
        }
        json.put("cost", 0);
        json.put("costs", List.of());
        json.put("createdAt", VapiChatJson.iso(session.createdAt()));
        json.put("updatedAt", VapiChatJson.iso(session.updatedAt()));
        return json;
    }
}
