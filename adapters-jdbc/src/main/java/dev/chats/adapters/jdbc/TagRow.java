package dev.chats.adapters.jdbc;

import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.MappedEntity;

/** A {@code tag} row, keyed by owner and normalised name. */
@MappedEntity("tag")
record TagRow(String userId, String id, String name, @Nullable String meta) {

    static final String COLUMNS = "user_id, id, name, meta";

    Tag toTag(JsonColumns json) {
        return new Tag(id, new UserId(userId), name, json.readObject(meta));
    }
}
