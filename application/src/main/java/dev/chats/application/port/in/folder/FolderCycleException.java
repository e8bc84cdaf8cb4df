package dev.chats.application.port.in.folder;

import dev.chats.domain.folder.FolderId;

/** A folder cannot be moved under itself or one of its own descendants. */
public class FolderCycleException extends RuntimeException {

    public FolderCycleException(FolderId folder, FolderId newParent) {
        super("folder " + folder + " cannot move under " + newParent);
    }
}
