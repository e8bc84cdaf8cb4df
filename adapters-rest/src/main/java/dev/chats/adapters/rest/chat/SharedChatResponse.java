package dev.chats.adapters.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.share.Share;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** A share read through its link: Open WebUI's {@code ChatResponse} shape, with the share id as {@code id}. */
@Serdeable
public record SharedChatResponse(
        String id,
        @JsonProperty("user_id") String userId,
        String title,
        Map<String, Object> chat,
        @JsonProperty("updated_at") long updatedAt,
        @JsonProperty("created_at") long createdAt,
        @JsonProperty("share_id") String shareId,
        boolean archived,
        boolean pinned,
        Map<String, Object> meta,
        @JsonProperty("folder_id") String folderId) {

    static SharedChatResponse from(Share share) {
        return new SharedChatResponse(share.id(), share.ownerId().value(), share.title(), share.document(),
                share.updatedAt(), share.createdAt(), share.id(), false, false, Map.of(), null);
    }
}
