package dev.chats.application.port.in.folder;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

import java.util.Optional;

/** Use case: move a folder, with its subtree, under another of the actor's folders or to the root. */
public interface FolderMoveUseCase {

    /**
     * Moving a folder to the parent it already has changes nothing and answers the folder.
     *
     * @param newParent the new parent, empty for the root
     * @throws FolderNotFoundException  if the folder or the new parent is not the actor's
     * @throws FolderCycleException     if the new parent is the folder itself or one of its descendants
     * @throws FolderNameTakenException if a folder under the new parent already has the name (case-insensitive)
     */
    Folder move(User actor, FolderId id, Optional<FolderId> newParent);
}
