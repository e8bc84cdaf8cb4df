package dev.chats.adapters.jdbc;

import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.share.AccessGrant;
import io.micronaut.data.annotation.MappedEntity;

/** A {@code folder_grant} row: who may reach a folder, how, and since when. */
@MappedEntity("folder_grant")
record FolderGrantRow(String id, String principalType, String principalId, String permission, long createdAt) {

    static final String COLUMNS = "id, principal_type, principal_id, permission, created_at";

    FolderGrant toGrant() {
        return new FolderGrant(new AccessGrant(id, StoredNames.principal(principalType), principalId,
                StoredNames.access(permission)), createdAt);
    }
}
