package dev.chats.domain.share;


import java.util.Objects;

/**
 * Who besides its owner may reach a folder, and since when (epoch seconds): Open WebUI's {@code access_grant} rows of
 * resource type {@code folder}. A grant on a folder reaches its subfolders too.
 */
public record FolderGrant(AccessGrant grant, long createdAt) {

    public FolderGrant {
        Objects.requireNonNull(grant, "grant");
    }
}
