package dev.chats.adapters.rest.folder;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.application.port.in.folder.FolderSharingUseCase.FolderWithGrants;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Open WebUI's {@code FolderModel}: a whole folder, fields in upstream order. {@code items} is the legacy v0.5
 * chat list, never stored here, so always null. {@code access_grants} (newest) are filled where upstream fills them,
 * on {@code GET /folders/{id}} and {@code POST /folders/{id}/access/update}, and empty elsewhere.
 */
@Serdeable
public record FolderModelResponse(
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
        @JsonProperty("access_grants") List<AccessGrantModelResponse> accessGrants) {

    public static FolderModelResponse from(Folder folder) {
        return new FolderModelResponse(folder.id().value(), folder.parent().map(FolderId::value).orElse(null),
                folder.ownerId().value(), folder.name(), null, folder.meta(), folder.data(), folder.expanded(),
                folder.createdAt(), folder.updatedAt(), List.of());
    }

    static FolderModelResponse from(FolderWithGrants shared) {
        Folder folder = shared.folder();
        return new FolderModelResponse(folder.id().value(), folder.parent().map(FolderId::value).orElse(null),
                folder.ownerId().value(), folder.name(), null, folder.meta(), folder.data(), folder.expanded(),
                folder.createdAt(), folder.updatedAt(),
                shared.grants().stream().map(grant -> AccessGrantModelResponse.from(folder.id(), grant)).toList());
    }
}
