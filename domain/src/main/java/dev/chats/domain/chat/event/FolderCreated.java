package dev.chats.domain.chat.event;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** A folder was created. */
public record FolderCreated(Folder folder) implements ChatEvent {

    public FolderCreated {
        Objects.requireNonNull(folder, "folder");
    }

    @Override
    public UserId recipient() {
        return folder.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.folderCreated(this);
    }
}
