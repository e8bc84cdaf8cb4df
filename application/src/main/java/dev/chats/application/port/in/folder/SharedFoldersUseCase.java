package dev.chats.application.port.in.folder;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Objects;

/**
 * Use case: the folders other users shared with the actor, by a grant naming the actor or every user, with the
 * subfolders of each (which inherit its permission). The actor's own folders are never listed.
 */
public interface SharedFoldersUseCase {

    /** Oldest first, ties by id; empty when nothing is shared with the actor. */
    List<SharedFolder> sharedWith(User actor);

    /**
     * One folder shared with the actor.
     *
     * @param ownerName the owner's display name, or null if the owner is gone
     * @param permission the highest permission the actor holds on it
     */
    record SharedFolder(Folder folder, String ownerName, AccessGrant.Access permission) {
        public SharedFolder {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(permission, "permission");
        }
    }
}
