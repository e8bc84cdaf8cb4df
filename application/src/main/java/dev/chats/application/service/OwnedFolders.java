package dev.chats.application.service;

import dev.chats.application.port.in.FolderNotFoundException;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.user.User;

/** Loads a folder only if it is the acting user's: another user's folder answers like a missing one. */
final class OwnedFolders {

    private final FolderRepository folders;

    OwnedFolders(FolderRepository folders) {
        this.folders = folders;
    }

    Folder require(User actor, FolderId id) {
        return folders.findById(id)
                .filter(folder -> folder.isOwnedBy(actor.id()))
                .orElseThrow(() -> new FolderNotFoundException(id));
    }
}
