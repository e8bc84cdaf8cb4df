package dev.chats.domain.port;

import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.UserId;

import java.util.Collection;
import java.util.List;

/**
 * Output port: a user's tag records. Which chats carry a tag is the chats' own data ({@code meta.tags}, kept
 * queryable by the chat repository); a record is kept while any chat of its owner carries the tag, so its
 * display name survives archiving, and is listed while a non-archived one does.
 */
public interface TagRepository {

    /** Stores the tag unless the owner already has one with its id; either way answers the stored record. */
    Tag addIfAbsent(Tag tag);

    /** The owner's tags carried by at least one of the owner's non-archived chats, ordered by id. */
    List<Tag> findListed(UserId owner);

    /** The owner's stored tags among these ids, in the order of the ids; ids without a record are left out. */
    List<Tag> findByIds(UserId owner, Collection<String> tagIds);

    /** Deletes the owner's records among these ids that no chat of the owner carries any more. */
    void deleteUncarried(UserId owner, Collection<String> tagIds);

    /** Deletes every record of the owner that no chat of the owner carries: the sweep after bulk deletes. */
    void deleteAllUncarried(UserId owner);
}
