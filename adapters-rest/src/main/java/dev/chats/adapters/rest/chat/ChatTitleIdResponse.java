package dev.chats.adapters.rest.chat;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.domain.chat.ChatSummary;
import io.micronaut.serde.annotation.Serdeable;

/** Open WebUI's {@code ChatTitleIdResponse}: what title lists return. */
@Serdeable
public record ChatTitleIdResponse(
        String id,
        String title,
        @JsonProperty("updated_at") long updatedAt,
        @JsonProperty("created_at") long createdAt) {

    public static ChatTitleIdResponse from(ChatSummary summary) {
        return new ChatTitleIdResponse(summary.id().value(), summary.title(), summary.updatedAt(),
                summary.createdAt());
    }
}
