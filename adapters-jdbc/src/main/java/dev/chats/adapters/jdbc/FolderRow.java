package dev.chats.adapters.jdbc;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A {@code folder} row as a folder is restored from it; the sibling key is written, never read. */
@MappedEntity("folder")
record FolderRow(@Id String id, String userId, @Nullable String parentId, String name, boolean isExpanded,
                 @Nullable String meta, @Nullable String data, long createdAt, long updatedAt) {

    static final String COLUMNS = "id, user_id, parent_id, name, is_expanded, meta, data, created_at, updated_at";

    Folder toFolder(JsonColumns json) {
        return new Folder(new FolderId(id), new UserId(userId), parentId == null ? null : new FolderId(parentId),
                name, isExpanded, json.readObject(meta), json.readObject(data), createdAt, updatedAt);
    }
}
