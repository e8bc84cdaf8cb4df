package dev.chats.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Persistence adapter: stores tag records in MongoDB's {@code tags}, keyed {@code {userId, tagId}}. Which chats carry
 * a tag is read from the {@code tagIds} and {@code archived} fields of the owner's chat documents, which every chat
 * write sets in the same step as the rest of the chat.
 */
@Singleton
@MongoPersistence
public final class MongoTagRepository implements TagRepository {

    private final MongoStore store;
    private final MongoCollection<BsonDocument> tags;
    private final MongoCollection<BsonDocument> chats;

    public MongoTagRepository(MongoStore store) {
        this.store = store;
        this.tags = store.collection(MongoStore.TAGS);
        this.chats = store.collection(MongoStore.CHATS);
    }

    @Override
    public Tag addIfAbsent(Tag tag) {
        return store.call("add tag", () -> {
            List<Tag> stored = find(tag.ownerId(), List.of(tag.id()));
            if (!stored.isEmpty()) {
                return stored.get(0);
            }
            try {
                tags.insertOne(new BsonDocument("_id", key(tag.ownerId(), tag.id()))
                        .append("name", new BsonString(tag.name()))
                        .append("meta", tag.meta() == null ? BsonNull.VALUE : BsonJson.toBson(tag.meta())));
                return tag;
            } catch (MongoException e) {
                // A concurrent first use stored it in between: the earlier display name stands.
                List<Tag> raced = find(tag.ownerId(), List.of(tag.id()));
                if (MongoStore.isDuplicateKey(e) && !raced.isEmpty()) {
                    return raced.get(0);
                }
                throw e;
            }
        });
    }

    @Override
    public List<Tag> findListed(UserId owner) {
        return store.call("list tags", () -> {
            Set<String> carried = carried(Filters.and(Filters.eq("userId", owner.value()),
                    Filters.eq("archived", false), ChatQueryFilter.visible()));
            List<Tag> listed = new ArrayList<>(find(owner, carried));
            listed.sort(Comparator.comparing(Tag::id));
            return listed;
        });
    }

    @Override
    public List<Tag> findByIds(UserId owner, Collection<String> tagIds) {
        List<String> ids = tagIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return store.call("find tags", () -> {
            Map<String, Tag> byId = new LinkedHashMap<>();
            find(owner, ids).forEach(tag -> byId.put(tag.id(), tag));
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    @Override
    public void deleteUncarried(UserId owner, Collection<String> tagIds) {
        List<String> ids = tagIds.stream().distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        store.call("delete uncarried tags", () -> {
            // Carried by any chat of the owner, archived or not, finished or still being added.
            Set<String> carried = carried(Filters.and(Filters.eq("userId", owner.value()), Filters.in("tagIds", ids)));
            List<BsonDocument> uncarried = ids.stream().filter(id -> !carried.contains(id)).map(id -> key(owner, id))
                    .toList();
            if (!uncarried.isEmpty()) {
                tags.deleteMany(Filters.in("_id", uncarried));
            }
            return null;
        });
    }

    @Override
    public void deleteAllUncarried(UserId owner) {
        store.call("delete uncarried tags", () -> {
            Set<String> carried = carried(Filters.eq("userId", owner.value()));
            tags.deleteMany(Filters.and(Filters.eq("_id.userId", owner.value()), Filters.nin("_id.tagId", carried)));
            return null;
        });
    }

    /** The tag ids the chats matching the filter carry. */
    private Set<String> carried(Bson chatFilter) {
        return chats.distinct("tagIds", chatFilter, String.class).into(new HashSet<>());
    }

    private List<Tag> find(UserId owner, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<BsonDocument> keys = ids.stream().map(id -> key(owner, id)).toList();
        List<Tag> found = new ArrayList<>();
        for (BsonDocument document : tags.find(Filters.in("_id", keys))) {
            BsonDocument key = document.getDocument("_id");
            found.add(new Tag(key.getString("tagId").getValue(), new UserId(key.getString("userId").getValue()),
                    document.getString("name").getValue(), MongoFolderRepository.objectOrNull(document.get("meta"))));
        }
        return found;
    }

    private static BsonDocument key(UserId owner, String tagId) {
        return new BsonDocument("userId", new BsonString(owner.value())).append("tagId", new BsonString(tagId));
    }
}
