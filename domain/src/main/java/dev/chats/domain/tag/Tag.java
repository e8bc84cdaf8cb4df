package dev.chats.domain.tag;

import dev.chats.domain.json.JsonTree;
import dev.chats.domain.user.UserId;

import java.util.Map;
import java.util.Objects;

/**
 * A user's tag: its normalised id, the display name from its first use, and free-form meta. A user's tag is
 * listed exactly while one of that user's non-archived chats carries it; its record is kept while any of the
 * user's chats (archived ones too) carries it, so unarchiving restores the original display name.
 */
public record Tag(String id, UserId ownerId, String name, Map<String, Object> meta) {

    public Tag {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "owner");
        Objects.requireNonNull(name, "name");
        meta = meta == null ? null : JsonTree.copyObject(meta);
    }

    public static Tag named(TagName name, UserId owner) {
        return new Tag(name.id(), owner, name.display(), null);
    }
}
