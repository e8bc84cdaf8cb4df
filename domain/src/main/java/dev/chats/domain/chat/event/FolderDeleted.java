package dev.chats.domain.chat.event;

import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;

import java.util.List;
import java.util.Objects;

/**
 * The folder and its subfolders ({@code subtree}, the folder included) are gone; their chats were deleted
 * ({@code contentsDeleted}) or moved to the root.
 */
public record FolderDeleted(UserId owner, FolderId folderId, List<FolderId> subtree,
                            boolean contentsDeleted) implements ChatEvent {

    public FolderDeleted {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(folderId, "folderId");
        subtree = List.copyOf(subtree);
    }

    @Override
    public UserId recipient() {
        return owner;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.folderDeleted(this);
    }
}
