package dev.chats.adapters.jdbc;

import dev.chats.domain.share.AccessGrant;
import io.micronaut.data.annotation.MappedEntity;

/** A {@code chat_share_grant} row: who may reach a shared chat, and how. */
@MappedEntity("chat_share_grant")
record ShareGrantRow(String id, String principalType, String principalId, String permission) {

    static final String COLUMNS = "id, principal_type, principal_id, permission";

    AccessGrant toGrant() {
        return new AccessGrant(id, StoredNames.principal(principalType), principalId,
                StoredNames.access(permission));
    }
}
