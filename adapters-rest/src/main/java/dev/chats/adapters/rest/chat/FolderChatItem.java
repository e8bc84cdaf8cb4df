package dev.chats.adapters.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.chat.ChatSummary;
import io.micronaut.serde.annotation.Serdeable;

/** An entry of a folder's chat page: {@code {title, id, updated_at}}. */
@Serdeable
public record FolderChatItem(String title, String id, @JsonProperty("updated_at") long updatedAt) {

    static FolderChatItem from(ChatSummary summary) {
        return new FolderChatItem(summary.title(), summary.id().value(), summary.updatedAt());
    }
}
