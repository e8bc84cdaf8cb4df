package dev.chats.domain.folder;

import dev.chats.domain.json.JsonTree;
import dev.chats.domain.user.UserId;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate root: a user's folder of chats; folders nest through {@code parentId}.
 *
 * @param meta display data such as {@code {"icon": …}}, or null
 * @param data folder-level settings such as a system prompt, or null
 */
public record Folder(FolderId id, UserId ownerId, FolderId parentId, String name, boolean expanded,
                     Map<String, Object> meta, Map<String, Object> data, long createdAt, long updatedAt) {

    public static final int MAX_NAME_LENGTH = 255;

    public Folder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "owner");
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("folder name must be 1.." + MAX_NAME_LENGTH + " characters");
        }
        meta = meta == null ? null : JsonTree.copyObject(meta);
        data = data == null ? null : JsonTree.copyObject(data);
    }

    /** A new root-level or nested folder, collapsed. */
    public static Folder create(FolderId id, UserId owner, FolderId parentId, String name,
                                Map<String, ?> meta, Map<String, ?> data, long now) {
        return new Folder(id, owner, parentId, name, false,
                meta == null ? null : JsonTree.copyObject(meta), data == null ? null : JsonTree.copyObject(data),
                now, now);
    }

    public Optional<FolderId> parent() {
        return Optional.ofNullable(parentId);
    }

    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user);
    }
}
