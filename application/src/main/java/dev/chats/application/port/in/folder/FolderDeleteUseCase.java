package dev.chats.application.port.in.folder;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

/** Use case: delete a folder with all its subfolders, and delete the chats in them or move those to the root. */
public interface FolderDeleteUseCase {

    /**
     * @param deleteContents true to delete the actor's chats in the subtree, false to move them to the root
     * @throws FolderNotFoundException   if the folder is not the actor's
     * @throws AccessProhibitedException if chats would be deleted and the actor may not delete chats
     */
    Result delete(User actor, FolderId id, boolean deleteContents);

    /**
     * @param foldersDeleted the folders removed, the folder itself included
     * @param chatsDeleted   the chats deleted with them
     * @param chatsMoved     the chats moved to the root instead
     */
    record Result(int foldersDeleted, int chatsDeleted, int chatsMoved) {
    }
}
