package dev.chats.application.port.in.folder;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.chat.ShareChatUseCase.GrantCommand;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Objects;

/**
 * Use case: share a folder with other users, and read a folder with who it is shared with. The owner may do both; a
 * user a grant reaches (on the folder or a folder above it) may read it; to everyone else, admins included, the
 * folder does not exist.
 */
public interface FolderSharingUseCase {

    /**
     * The folder with its own grants.
     *
     * @throws FolderNotFoundException if the actor may not read it, whether or not it exists
     */
    FolderWithGrants read(User actor, FolderId id);

    /**
     * Replaces the folder's grants; each gets a new id and the time now. Grants to users that do not exist are kept,
     * as upstream keeps them; repeated entries (same principal and permission) are kept once.
     *
     * @throws FolderNotFoundException if the actor may not read the folder, whether or not it exists
     * @throws AccessProhibitedException if the actor reaches the folder through a grant but does not own it
     */
    FolderWithGrants updateGrants(User actor, FolderId id, List<GrantCommand> grants);

    /** A folder and the grants stored on it, in the order they were set. */
    record FolderWithGrants(Folder folder, List<FolderGrant> grants) {
        public FolderWithGrants {
            Objects.requireNonNull(folder, "folder");
            grants = List.copyOf(grants);
        }
    }
}
