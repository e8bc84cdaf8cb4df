package dev.chats.application.port.in.folder;

/** Another folder of the acting user with the same parent already has this name (compared case-insensitively). */
public class FolderNameTakenException extends RuntimeException {

    public FolderNameTakenException(String name) {
        super("a sibling folder is already named " + name);
    }
}
