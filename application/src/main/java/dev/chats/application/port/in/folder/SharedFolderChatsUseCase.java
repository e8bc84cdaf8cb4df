package dev.chats.application.port.in.folder;

import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.util.List;
import java.util.Objects;

/** Use case: the chats in a folder the actor owns or that is shared with the actor, and what the actor may do. */
public interface SharedFolderChatsUseCase {

    /**
     * The folder's chats that are not archived, most recently updated first.
     *
     * @throws FolderNotFoundException if the actor may not read the folder, whether or not it exists
     */
    FolderChats chats(User actor, FolderId folder);

    /**
     * The chats and the actor's permission on the folder: {@code write} for its owner, otherwise the highest a
     * grant gives.
     */
    record FolderChats(List<FolderChat> chats, AccessGrant.Access permission) {
        public FolderChats {
            chats = List.copyOf(chats);
            Objects.requireNonNull(permission, "permission");
        }
    }

    /**
     * One chat of the folder, with its owner.
     *
     * @param ownerName the owner's display name, or null if the owner is gone
     * @param readonly whether the chat is someone else's: the actor may read it, not change it
     */
    record FolderChat(ChatSummary chat, UserId owner, String ownerName, boolean readonly) {
        public FolderChat {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(owner, "owner");
        }
    }
}
