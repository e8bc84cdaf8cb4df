package dev.chats.application.port.in.folder;

import dev.chats.domain.folder.FolderId;

/** No folder with this id belongs to the acting user. */
public class FolderNotFoundException extends RuntimeException {

    public FolderNotFoundException(FolderId id) {
        super("folder " + id + " not found");
    }
}
