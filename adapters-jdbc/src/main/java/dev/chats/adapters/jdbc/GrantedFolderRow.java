package dev.chats.adapters.jdbc;

import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.GrantedFolder;
import dev.chats.domain.user.UserId;
import io.micronaut.data.annotation.MappedEntity;

/** The part of a {@code folder_grant} row a grantee's "shared with me" list needs. */
@MappedEntity("folder_grant")
record GrantedFolderRow(String userId, String folderId, String permission) {

    static final String COLUMNS = "user_id, folder_id, permission";

    GrantedFolder toGranted() {
        return new GrantedFolder(new UserId(userId), new FolderId(folderId), StoredNames.access(permission));
    }
}
