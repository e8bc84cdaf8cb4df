package dev.chats.domain.port;

/**
 * Another folder of the owner under the same parent already has the name (as {@code FolderNames.key} compares
 * names): nothing was written. Stores enforce it, so two concurrent writes cannot both take one name.
 */
public class FolderNameConflictException extends RuntimeException {

    public FolderNameConflictException(String name) {
        super("a sibling folder is already named '" + name + "'");
    }
}
