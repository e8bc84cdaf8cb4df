package dev.chats.domain.port.fake;

import dev.chats.domain.port.TagRepository;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.UserId;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Test double: a {@link TagRepository} in memory that passes the persistence contract. It keeps only the tag
 * records; which chats carry a tag it reads from the {@link InMemoryChatRepository} it is built on, under that
 * repository's lock, so every call sees the chats as one database transaction would. A tag's meta is a mutable map,
 * so records are copied on the way in and on the way out.
 */
public final class InMemoryTagRepository implements TagRepository {

    private final InMemoryChatRepository chats;
    private final Map<Key, Tag> tags = new HashMap<>();

    /** Tags over these chats: the same store, as the tag and chat tables of one database are. */
    public InMemoryTagRepository(InMemoryChatRepository chats) {
        this.chats = Objects.requireNonNull(chats, "chats");
    }

    @Override
    public Tag addIfAbsent(Tag tag) {
        return chats.atomically(() -> copy(tags.computeIfAbsent(Key.of(tag), key -> copy(tag))));
    }

    @Override
    public List<Tag> findListed(UserId owner) {
        return chats.atomically(() -> {
            Set<String> carried = chats.tagIdsCarried(owner, false);
            return tags.values().stream()
                    .filter(tag -> tag.ownerId().equals(owner) && carried.contains(tag.id()))
                    .sorted(Comparator.comparing(Tag::id))
                    .map(InMemoryTagRepository::copy)
                    .toList();
        });
    }

    @Override
    public List<Tag> findByIds(UserId owner, Collection<String> tagIds) {
        List<String> ids = List.copyOf(tagIds);
        return chats.atomically(() -> ids.stream()
                .distinct()
                .map(id -> tags.get(new Key(owner, id)))
                .filter(Objects::nonNull)
                .map(InMemoryTagRepository::copy)
                .toList());
    }

    @Override
    public void deleteUncarried(UserId owner, Collection<String> tagIds) {
        List<String> ids = List.copyOf(tagIds);
        chats.atomically(() -> {
            Set<String> carried = chats.tagIdsCarried(owner, true);
            ids.stream().filter(id -> !carried.contains(id)).forEach(id -> tags.remove(new Key(owner, id)));
            return null;
        });
    }

    @Override
    public void deleteAllUncarried(UserId owner) {
        chats.atomically(() -> {
            Set<String> carried = chats.tagIdsCarried(owner, true);
            tags.keySet().removeIf(key -> key.owner().equals(owner) && !carried.contains(key.id()));
            return null;
        });
    }

    /** Tag's constructor deep-copies the meta. */
    private static Tag copy(Tag tag) {
        return new Tag(tag.id(), tag.ownerId(), tag.name(), tag.meta());
    }

    /** A record's identity: the same tag id of two owners is two records. */
    private record Key(UserId owner, String id) {

        static Key of(Tag tag) {
            return new Key(tag.ownerId(), tag.id());
        }
    }
}
