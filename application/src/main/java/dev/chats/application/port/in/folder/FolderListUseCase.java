package dev.chats.application.port.in.folder;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.user.User;

import java.util.List;

/** Use case: the actor's folders for the sidebar, with any parent that no longer exists repaired to the root. */
public interface FolderListUseCase {

    /** Every folder of the actor, oldest first; a folder whose parent is not the actor's is moved to the root. */
    List<Folder> list(User actor);
}
