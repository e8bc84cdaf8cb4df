package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.BodyFields;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.application.port.in.chat.ImportChatsUseCase.ImportedChat;
import dev.chats.application.port.in.chat.ImportChatsUseCase;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * REST adapter: {@code POST /api/v1/chats/import}, in both of Open WebUI's forms: one {@code ChatImportForm}
 * (answers one chat) or {@code {"chats": [...]}} (answers the list).
 */
@Controller("/api/v1/chats")
@Tag(name = ApiTags.CHATS)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class ChatImportController {

    private final JsonBodies bodies;
    private final ImportChatsUseCase imports;

    public ChatImportController(JsonBodies bodies, ImportChatsUseCase imports) {
        this.bodies = bodies;
        this.imports = imports;
    }

    @ApiResponse(responseCode = "200", description = "The imported chat, or a list of them for {\"chats\": [ … ]}",
            content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {ChatResponse.class,
            ChatResponse[].class})))
    @Post("/import")
    public Object importChats(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.ImportBody.class)))
            @Nullable @Body byte[] body) {
        Map<String, Object> form = bodies.object(body);
        if (form.containsKey("chats") && !form.containsKey("chat")) {
            if (!(form.get("chats") instanceof List<?> entries)) {
                throw ValidationErrors.single("list_type", "Input should be a valid list", form.get("chats"),
                        "body", "chats");
            }
            List<ImportedChat> chats = new ArrayList<>(entries.size());
            ValidationErrors errors = new ValidationErrors();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof Map<?, ?> entry) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> fields = (Map<String, Object>) entry;
                    chats.add(read(fields, "body", "chats", i));
                } else {
                    errors.add("model_attributes_type", "Input should be a valid dictionary or object to extract"
                            + " fields from", entries.get(i), "body", "chats", i);
                }
            }
            errors.throwIfAny();
            return imports.importAll(actor, chats).stream().map(ChatResponse::from).toList();
        }
        return ChatResponse.from(imports.importOne(actor, read(form, "body")));
    }

    private static ImportedChat read(Map<String, Object> fields, Object... location) {
        BodyFields form = new BodyFields(fields, location);
        Map<String, Object> chat = form.requiredObject("chat");
        Map<String, Object> meta = form.optionalObject("meta").orElse(Map.of());
        boolean pinned = form.bool("pinned", false);
        Optional<FolderId> folder = form.optionalFolderId("folder_id");
        Optional<Long> createdAt = form.optionalLong("created_at");
        Optional<Long> updatedAt = form.optionalLong("updated_at");
        form.validate();
        return new ImportedChat(chat, meta, pinned, folder, createdAt, updatedAt);
    }
}
