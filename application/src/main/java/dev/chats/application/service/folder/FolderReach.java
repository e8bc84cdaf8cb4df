package dev.chats.application.service.folder;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.FolderShareAccess;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a user may do with a folder: its owner writes; anyone else holds what the grants on the folder and on the
 * folders above it give ({@link FolderShareAccess}). Admins get nothing more, as with every folder route here. The
 * walk up reads one level at a time by owner and id, so its cost follows the depth, not anyone's number of folders.
 */
public final class FolderReach {

    private final FolderRepository folders;

    public FolderReach(FolderRepository folders) {
        this.folders = folders;
    }

    /** The actor's permission on the folder, or empty if the folder is, to the actor, one that does not exist. */
    public Optional<AccessGrant.Access> permission(User actor, Folder folder) {
        if (folder.isOwnedBy(actor.id())) {
            return Optional.of(AccessGrant.Access.WRITE);
        }
        return granted(actor.id(), folder);
    }

    /** Whether a grant on the owner's folder (or one above it) lets {@code reader} read the chats filed in it. */
    public boolean mayReadChatsIn(UserId reader, UserId owner, FolderId folder) {
        return folders.findById(folder).filter(found -> found.isOwnedBy(owner))
                .flatMap(found -> granted(reader, found)).isPresent();
    }

    private Optional<AccessGrant.Access> granted(UserId reader, Folder folder) {
        List<FolderGrant> grants = new ArrayList<>();
        Set<FolderId> seen = new HashSet<>();
        for (Folder at = folder; at != null && seen.add(at.id()); ) {
            grants.addAll(folders.grantsOf(at.ownerId(), at.id()));
            at = at.parent().flatMap(folders::findById).filter(parent -> parent.isOwnedBy(folder.ownerId()))
                    .orElse(null);
        }
        return FolderShareAccess.permissionOf(reader, grants);
    }
}
