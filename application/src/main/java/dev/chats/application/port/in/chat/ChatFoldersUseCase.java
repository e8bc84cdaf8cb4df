package dev.chats.application.port.in.chat;

import dev.chats.application.port.in.folder.FolderNotFoundException;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Optional;

/** Use cases: file the actor's chats in folders and list a folder's chats. */
public interface ChatFoldersUseCase {

    int FOLDER_PAGE_SIZE = 60;

    /**
     * Files the chat in the folder (empty: the root level); the chat is unpinned.
     *
     * @throws ChatNotFoundException   if the chat is not the actor's
     * @throws FolderNotFoundException if the folder is not the actor's
     */
    Chat moveToFolder(User actor, ChatId id, Optional<FolderId> folder);

    /** The non-pinned, non-archived chats in the folder and its subfolders, most recent first. */
    Iterable<Chat> chatsInFolderTree(User actor, FolderId folder);

    /** One page of the non-pinned, non-archived chats directly in the folder, most recent first. */
    List<ChatSummary> folderPage(User actor, FolderId folder, long page);
}
