package dev.chats.domain.share;

import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** A folder of {@code owner} that one grant opens to a user (naming them or every user), and what it allows. */
public record GrantedFolder(UserId owner, FolderId folder, AccessGrant.Access permission) {

    public GrantedFolder {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(permission, "permission");
    }
}
