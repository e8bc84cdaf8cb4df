package dev.chats.domain.chat;

import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;

import java.util.List;
import java.util.Objects;

/**
 * A chat without its document, as it stands in a sidebar: what an event about the chat tells the owner's clients,
 * so that an event stays small whatever the conversation holds.
 *
 * @param folderId the folder the chat is filed in, or null at the root
 * @param shareId  the id its snapshot is published under, or null if not shared
 * @param tagIds   the normalised ids of the tags it carries
 */
public record ChatOutline(ChatId id, UserId ownerId, String title, long createdAt, long updatedAt, boolean pinned,
                          boolean archived, FolderId folderId, String shareId, List<String> tagIds) {

    public ChatOutline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "owner");
        Objects.requireNonNull(title, "title");
        tagIds = List.copyOf(tagIds);
    }
}
