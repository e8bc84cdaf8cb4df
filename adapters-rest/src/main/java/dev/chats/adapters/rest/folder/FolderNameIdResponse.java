package dev.chats.adapters.rest.folder;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open WebUI's {@code FolderNameIdResponse}: a folder as the sidebar lists it. Upstream declares {@code meta} as
 * {@code FolderMetadataResponse {icon}}, so only the icon is listed: {@code {"icon": …}}, or null without meta.
 */
@Serdeable
public record FolderNameIdResponse(
        String id,
        String name,
        Map<String, Object> meta,
        @JsonProperty("parent_id") String parentId,
        @JsonProperty("is_expanded") boolean isExpanded,
        @JsonProperty("created_at") long createdAt,
        @JsonProperty("updated_at") long updatedAt) {

    public static FolderNameIdResponse from(Folder folder) {
        return new FolderNameIdResponse(folder.id().value(), folder.name(), iconOnly(folder.meta()),
                folder.parent().map(FolderId::value).orElse(null), folder.expanded(), folder.createdAt(),
                folder.updatedAt());
    }

    private static Map<String, Object> iconOnly(Map<String, Object> meta) {
        if (meta == null) {
            return null;
        }
        Map<String, Object> icon = new LinkedHashMap<>();
        icon.put("icon", meta.get("icon") instanceof String value ? value : null);
        return icon;
    }
}
