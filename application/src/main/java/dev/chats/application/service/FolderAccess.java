package dev.chats.application.service;

import dev.chats.application.port.in.FolderNameTakenException;
import dev.chats.application.port.in.FolderNotFoundException;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.folder.FolderTree;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.search.FolderNames;
import dev.chats.domain.user.User;

/**
 * Loads folders as the acting user may see them, and keeps sibling names unique. Another user's folder answers
 * exactly as a missing one does, so its existence is never revealed.
 */
final class FolderAccess {

    private final FolderRepository folders;

    FolderAccess(FolderRepository folders) {
        this.folders = folders;
    }

    /** The actor's own folder. */
    Folder owned(User actor, FolderId id) {
        return folders.findById(id)
                .filter(folder -> folder.isOwnedBy(actor.id()))
                .orElseThrow(() -> new FolderNotFoundException(id));
    }

    /** All the actor's folders as one tree. */
    FolderTree tree(User actor) {
        return new FolderTree(folders.findAllOwnedBy(actor.id()));
    }

    /**
     * Fails if a folder directly under {@code parent} (null: the root) other than {@code self} already has the
     * name. A folder whose parent no longer exists counts as a root folder, as the sidebar shows it there.
     */
    static void requireNameFree(FolderTree tree, FolderId parent, String name, FolderId self) {
        FolderId level = parent != null && tree.find(parent).isPresent() ? parent : null;
        boolean taken = tree.childrenOf(level).stream()
                .anyMatch(sibling -> !sibling.id().equals(self) && FolderNames.sameName(sibling.name(), name));
        if (taken) {
            throw new FolderNameTakenException(name);
        }
    }
}
