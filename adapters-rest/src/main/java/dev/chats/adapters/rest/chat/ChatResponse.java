package dev.chats.adapters.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.share.Share;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** Open WebUI's {@code ChatResponse}: a whole chat, fields in upstream order. */
@Serdeable
public record ChatResponse(
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

    public static ChatResponse from(Chat chat) {
        return new ChatResponse(chat.id().value(), chat.ownerId().value(), chat.title(), chat.document(),
                chat.updatedAt(), chat.createdAt(), chat.shareId().orElse(null), chat.archived(), chat.pinned(),
                chat.meta(), chat.folderId().map(Object::toString).orElse(null));
    }

    /** A share read through its link: the share id stands as {@code id}, nothing of the owner's organisation. */
    public static ChatResponse ofShare(Share share) {
        return new ChatResponse(share.id(), share.ownerId().value(), share.title(), share.document(),
                share.updatedAt(), share.createdAt(), share.id(), false, false, Map.of(), null);
    }
}
