package dev.chats.application.port.in.folder;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

/** Use case: remember whether the sidebar shows a folder open or closed. */
public interface FolderExpandUseCase {

    /**
     * @throws FolderNotFoundException if the folder is not the actor's
     */
    Folder setExpanded(User actor, FolderId id, boolean expanded);
}
