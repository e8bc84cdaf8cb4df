package dev.chats.domain.chat.event;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** A folder was renamed, moved, expanded or collapsed, or its meta or data changed. */
public record FolderUpdated(Folder folder) implements ChatEvent {

    public FolderUpdated {
        Objects.requireNonNull(folder, "folder");
    }

    @Override
    public UserId recipient() {
        return folder.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.folderUpdated(this);
    }
}
