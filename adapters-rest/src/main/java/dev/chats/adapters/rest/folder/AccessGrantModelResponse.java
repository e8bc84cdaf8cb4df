package dev.chats.adapters.rest.folder;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import io.micronaut.serde.annotation.Serdeable;

/** Open WebUI's {@code AccessGrantModel}: one grant on a folder, with the resource it is on. */
@Serdeable
public record AccessGrantModelResponse(
        String id,
        @JsonProperty("resource_type") String resourceType,
        @JsonProperty("resource_id") String resourceId,
        @JsonProperty("principal_type") String principalType,
        @JsonProperty("principal_id") String principalId,
        String permission,
        @JsonProperty("created_at") long createdAt) {

    /** Upstream's resource type of folder grants. */
    static final String FOLDER = "folder";

    static AccessGrantModelResponse from(FolderId folder, FolderGrant entry) {
        return new AccessGrantModelResponse(entry.grant().id(), FOLDER, folder.value(),
                entry.grant().principalType().wireName(), entry.grant().principalId(),
                entry.grant().permission().wireName(), entry.createdAt());
    }
}
