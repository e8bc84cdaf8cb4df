package dev.chats.domain.chat;

import dev.chats.domain.folder.FolderId;

import java.util.Optional;
import java.util.Set;

/** Which folders a chat list covers: any, only chats at the root (no folder), or chats in given folders. */
public record FolderScope(boolean onlyRoot, Set<FolderId> folders) {

    private static final FolderScope ANY = new FolderScope(false, null);
    private static final FolderScope ROOT_ONLY = new FolderScope(true, null);

    public FolderScope {
        if (onlyRoot && folders != null) {
            throw new IllegalArgumentException("root only excludes a folder set");
        }
        folders = folders == null ? null : Set.copyOf(folders);
    }

    public static FolderScope any() {
        return ANY;
    }

    public static FolderScope rootOnly() {
        return ROOT_ONLY;
    }

    public static FolderScope in(Set<FolderId> folders) {
        return new FolderScope(false, folders);
    }

    /** The folder set, when the scope is limited to one. */
    public Optional<Set<FolderId>> folderSet() {
        return Optional.ofNullable(folders);
    }

    public boolean accepts(FolderId folder) {
        if (onlyRoot) {
            return folder == null;
        }
        return folders == null || (folder != null && folders.contains(folder));
    }
}
