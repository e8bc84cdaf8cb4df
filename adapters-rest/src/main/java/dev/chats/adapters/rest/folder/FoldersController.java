package dev.chats.adapters.rest.folder;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.adapters.rest.openapi.Actor;
import dev.chats.adapters.rest.openapi.ApiDocument;
import dev.chats.adapters.rest.openapi.ApiTags;
import dev.chats.adapters.rest.openapi.DetailErrors;
import dev.chats.adapters.rest.openapi.OpenWebUiSchemas;
import dev.chats.adapters.rest.request.JsonBodies;
import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.folder.FolderCreateUseCase;
import dev.chats.application.port.in.folder.FolderDeleteUseCase;
import dev.chats.application.port.in.folder.FolderExpandUseCase;
import dev.chats.application.port.in.folder.FolderGetUseCase;
import dev.chats.application.port.in.folder.FolderListUseCase;
import dev.chats.application.port.in.folder.FolderMoveUseCase;
import dev.chats.application.port.in.folder.FolderSharingUseCase;
import dev.chats.application.port.in.folder.FolderUpdateUseCase;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * REST adapter: Open WebUI's {@code /api/v1/folders} router — list, create, read, rename, move, open/close and
 * delete folder trees. Each route is one use-case call; a folder that is missing or another user's answers 404.
 */
@Controller("/api/v1/folders")
@Tag(name = ApiTags.FOLDERS)
@DetailErrors
@SecurityRequirement(name = ApiDocument.BEARER)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
public class FoldersController {

    private final JsonBodies bodies;
    private final FolderListUseCase listFolders;
    private final FolderGetUseCase getFolder;
    private final FolderCreateUseCase createFolder;
    private final FolderUpdateUseCase updateFolder;
    private final FolderMoveUseCase moveFolder;
    private final FolderExpandUseCase expandFolder;
    private final FolderDeleteUseCase deleteFolder;
    private final FolderSharingUseCase sharing;

    public FoldersController(JsonBodies bodies, FolderListUseCase listFolders, FolderGetUseCase getFolder,
                             FolderCreateUseCase createFolder, FolderUpdateUseCase updateFolder,
                             FolderMoveUseCase moveFolder, FolderExpandUseCase expandFolder,
                             FolderDeleteUseCase deleteFolder, FolderSharingUseCase sharing) {
        this.bodies = bodies;
        this.listFolders = listFolders;
        this.getFolder = getFolder;
        this.createFolder = createFolder;
        this.updateFolder = updateFolder;
        this.moveFolder = moveFolder;
        this.expandFolder = expandFolder;
        this.deleteFolder = deleteFolder;
        this.sharing = sharing;
    }

    @Get("/")
    public List<FolderNameIdResponse> list(@Actor User actor) {
        return listFolders.list(actor).stream().map(FolderNameIdResponse::from).toList();
    }

    @Post("/")
    public FolderModelResponse create(@Actor User actor,
            @RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.FolderForm.class)))
            @Nullable @Body byte[] body) {
        FolderCreateUseCase.Command command = FolderForm.read(bodies.object(body));
        return FolderModelResponse.from(createFolder.create(actor, command));
    }

    /** As the newest router: users the folder is shared with may read it too, and it comes with its grants. */
    @Get("/{id}")
    public FolderModelResponse get(@Actor User actor, @PathVariable String id) {
        return FolderModelResponse.from(sharing.read(actor, folderId(id)));
    }

    @Post("/{id}/update")
    public FolderModelResponse update(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.FolderUpdateForm.class)))
            @Nullable @Body byte[] body) {
        FolderUpdateUseCase.Command command = FolderUpdateForm.read(bodies.object(body));
        return FolderModelResponse.from(updateFolder.update(actor, folderId(id), command));
    }

    /** Open WebUI's {@code FolderParentIdForm}: {@code {"parent_id": str|null}}, absent meaning the root. */
    @Post("/{id}/update/parent")
    public FolderModelResponse move(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.FolderParentForm.class)))
            @Nullable @Body byte[] body) {
        Map<String, Object> form = bodies.object(body);
        ValidationErrors errors = new ValidationErrors();
        var parent = FolderFields.parentId(form, errors);
        errors.throwIfAny();
        return FolderModelResponse.from(moveFolder.move(actor, folderId(id), parent));
    }

    /**
     * The older front-end's {@code FolderItemsUpdateForm}: {@code {"items": dict}}, required (422 otherwise); a
     * folder that is not the caller's answers 404. Items were Open WebUI's legacy list of a folder's chats, which
     * this server derives from the chats themselves and never stores, so the call changes nothing and answers the
     * folder as it is.
     */
    @Post("/{id}/update/items")
    public FolderModelResponse updateItems(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.FolderItemsForm.class)))
            @Nullable @Body byte[] body) {
        Map<String, Object> form = bodies.object(body);
        ValidationErrors errors = new ValidationErrors();
        if (!form.containsKey("items")) {
            errors.missing(form, "body", "items");
        } else if (!(form.get("items") instanceof Map<?, ?>)) {
            errors.add("dict_type", "Input should be a valid dictionary", form.get("items"), "body", "items");
        }
        errors.throwIfAny();
        return FolderModelResponse.from(getFolder.get(actor, folderId(id)));
    }

    /** Open WebUI's {@code FolderIsExpandedForm}: {@code {"is_expanded": bool}}, required. */
    @Post("/{id}/update/expanded")
    public FolderModelResponse expand(@Actor User actor, @PathVariable String id, @RequestBody(required = true,
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OpenWebUiSchemas.FolderExpandedForm.class)))
            @Nullable @Body byte[] body) {
        Map<String, Object> form = bodies.object(body);
        ValidationErrors errors = new ValidationErrors();
        Boolean expanded = null;
        if (!form.containsKey("is_expanded")) {
            errors.missing(form, "body", "is_expanded");
        } else {
            expanded = FolderFields.bool(form.get("is_expanded"), errors, "is_expanded");
        }
        errors.throwIfAny();
        return FolderModelResponse.from(expandFolder.setExpanded(actor, folderId(id), expanded));
    }

    /**
     * Deletes the folder tree; its chats are deleted ({@code delete_contents}, the default) or moved to the root.
     * Deleting chats without {@code chat.delete} answers 403, the folders router's status (the chats router
     * answers 401).
     */
    @Delete("/{id}")
    public boolean delete(@Actor User actor, @PathVariable String id,
                          @Nullable @QueryValue("delete_contents") String deleteContents) {
        boolean contents = QueryParams.bool("delete_contents", deleteContents, true);
        FolderId folder = folderId(id);
        try {
            deleteFolder.delete(actor, folder, contents);
        } catch (AccessProhibitedException e) {
            throw new ApiException(HttpStatus.FORBIDDEN, OpenWebUiMessages.ACCESS_PROHIBITED);
        }
        return true;
    }

    /** A path id that cannot be a folder id answers exactly like a folder that is not the caller's. */
    private static FolderId folderId(String raw) {
        try {
            return new FolderId(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(OpenWebUiMessages.NOT_FOUND);
        }
    }
}
