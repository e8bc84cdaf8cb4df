package dev.chats.adapters.rest.folder;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.application.port.in.folder.SharedFoldersUseCase.SharedFolder;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Open WebUI's {@code SharedFolderResponse} entry of {@code GET /folders/shared}: the whole folder, its owner's name
 * and the caller's permission. {@code access_grants} is always empty there, as upstream: the grants are the owner's.
 */
@Serdeable
public record SharedFolderResponse(
        String id,
        @JsonProperty("parent_id") String parentId,
        @JsonProperty("user_id") String userId,
        String name,
        Map<String, Object> items,
        Map<String, Object> meta,
        Map<String, Object> data,
        @JsonProperty("is_expanded") boolean isExpanded,
        @JsonProperty("created_at") long createdAt,
        @JsonProperty("updated_at") long updatedAt,
        @JsonProperty("access_grants") List<AccessGrantModelResponse> accessGrants,
        @JsonProperty("owner_name") String ownerName,
        String permission) {

    static SharedFolderResponse from(SharedFolder shared) {
        Folder folder = shared.folder();
        return new SharedFolderResponse(folder.id().value(), folder.parent().map(FolderId::value).orElse(null),
                folder.ownerId().value(), folder.name(), null, folder.meta(), folder.data(), folder.expanded(),
                folder.createdAt(), folder.updatedAt(), List.of(), shared.ownerName(),
                shared.permission().wireName());
    }
}
