package dev.chats.application.port.in.folder;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

/** Use case: read one of the actor's folders. */
public interface FolderGetUseCase {

    /**
     * @throws FolderNotFoundException if the folder is not the actor's, whether or not it exists
     */
    Folder get(User actor, FolderId id);
}
