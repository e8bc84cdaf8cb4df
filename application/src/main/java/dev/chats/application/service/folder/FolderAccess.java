package dev.chats.application.service.folder;

import dev.chats.application.port.in.folder.FolderNameTakenException;
import dev.chats.application.port.in.folder.FolderNotFoundException;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.folder.FolderTree;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.user.User;

import java.util.HashSet;
import java.util.Set;

/**
 * Loads folders as the acting user may see them, and keeps sibling names unique. Another user's folder answers
 * exactly as a missing one does, so its existence is never revealed. The chat services use it too, for the folder a
 * chat is put into.
 */
public final class FolderAccess {

    private final FolderRepository folders;

    public FolderAccess(FolderRepository folders) {
        this.folders = folders;
    }

    /** The actor's own folder. */
    public Folder owned(User actor, FolderId id) {
        return folders.findById(id)
                .filter(folder -> folder.isOwnedBy(actor.id()))
                .orElseThrow(() -> new FolderNotFoundException(id));
    }

    /** All the actor's folders as one tree. */
    FolderTree tree(User actor) {
        return new FolderTree(folders.findAllOwnedBy(actor.id()));
    }

    /**
     * Fails if a folder of the actor directly under {@code parent} (null: the root) other than {@code self} already
     * has the name: one keyed look-up in the store, whatever the number of the actor's folders.
     */
    void requireNameFree(User actor, FolderId parent, String name, FolderId self) {
        if (folders.siblingNamed(actor.id(), parent, name, self)) {
            throw new FolderNameTakenException(name);
        }
    }

    /**
     * Whether putting {@code folder} under {@code newParent} would put it under itself: walks up from the new
     * parent, one look-up per level, so the cost follows the depth, not the number of folders.
     */
    boolean wouldCycle(User actor, FolderId folder, FolderId newParent) {
        Set<FolderId> seen = new HashSet<>();
        for (FolderId at = newParent; at != null && seen.add(at); ) {
            if (at.equals(folder)) {
                return true;
            }
            at = folders.findById(at).filter(found -> found.isOwnedBy(actor.id())).map(Folder::parentId)
                    .orElse(null);
        }
        return false;
    }
}
