package dev.chats.adapters.rest.folder;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.AccessGrantsForm;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.folder.FolderSharingUseCase;
import dev.chats.application.port.in.folder.SharedFolderChatsUseCase;
import dev.chats.application.port.in.folder.SharedFoldersUseCase;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
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

/**
 * REST adapter: the newest Open WebUI's folder sharing — {@code GET /shared} (folders other users shared with the
 * caller; a literal path, so never read as a folder id), {@code POST /{id}/access/update} (the owner replaces who
 * may reach the folder) and {@code GET /{id}/shared/chats} (the chats filed in it). A folder the caller may not
 * reach answers 404, exactly like a missing one.
 */
@Controller("/api/v1/folders")
@Tag(name = ApiTags.FOLDERS)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class SharedFoldersController {

    private final JsonBodies bodies;
    private final FolderSharingUseCase sharing;
    private final SharedFoldersUseCase sharedFolders;
    private final SharedFolderChatsUseCase sharedChats;

    public SharedFoldersController(JsonBodies bodies, FolderSharingUseCase sharing,
                                   SharedFoldersUseCase sharedFolders, SharedFolderChatsUseCase sharedChats) {
        this.bodies = bodies;
        this.sharing = sharing;
        this.sharedFolders = sharedFolders;
        this.sharedChats = sharedChats;
    }

    @Get("/shared")
    public List<SharedFolderResponse> shared(@Actor User actor) {
        return sharedFolders.sharedWith(actor).stream().map(SharedFolderResponse::from).toList();
    }

    /**
     * Replaces the folder's grants with {@code access_grants} (Open WebUI's {@code FolderAccessGrantsForm}); entries
     * that are not a grant are left out. Only the owner may: a user the folder is shared with gets 403
     * {@code ACCESS_PROHIBITED}, anyone else (admins included) 404.
     */
    @Post("/{id}/access/update")
    public FolderModelResponse updateAccess(@Actor User actor, @PathVariable String id,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.AccessGrantsForm.class)))
            @Nullable @Body byte[] body) {
        var grants = AccessGrantsForm.read(bodies.object(body));
        try {
            return FolderModelResponse.from(sharing.updateGrants(actor, folderId(id), grants));
        } catch (AccessProhibitedException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, OpenWebUiMessages.ACCESS_PROHIBITED);
        }
    }

    /** The chats filed in the folder; {@code readonly} marks those that are not the caller's. */
    @Get("/{id}/shared/chats")
    public SharedFolderChatsResponse chats(@Actor User actor, @PathVariable String id) {
        return SharedFolderChatsResponse.from(sharedChats.chats(actor, folderId(id)));
    }

    /** A path id that cannot be a folder id answers exactly like a folder the caller may not reach. */
    private static FolderId folderId(String raw) {
        try {
            return new FolderId(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(OpenWebUiMessages.NOT_FOUND);
        }
    }
}
