package dev.chats.adapters.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.share.ShareSummary;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Open WebUI's {@code SharedChatResponse}: one of the caller's shares, {@code id} being the chat's id (as upstream)
 * and {@code share_id} the share's.
 */
@Serdeable
public record SharedChatResponse(
        String id,
        @JsonProperty("chat_id") String chatId,
        String title,
        @JsonProperty("share_id") String shareId,
        @JsonProperty("updated_at") long updatedAt,
        @JsonProperty("created_at") long createdAt) {

    static SharedChatResponse from(ShareSummary share) {
        return new SharedChatResponse(share.chatId().value(), share.chatId().value(), share.title(), share.id(),
                share.updatedAt(), share.createdAt());
    }
}
