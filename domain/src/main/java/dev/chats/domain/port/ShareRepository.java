package dev.chats.domain.port;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.share.ShareListQuery;
import dev.chats.domain.share.ShareSummary;
import dev.chats.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/**
 * Output port: published snapshots of chats and who may open them. The chat repository deletes a chat's share and
 * its grants together with the chat.
 */
public interface ShareRepository {

    /** Stores the share, replacing the snapshot of an existing one with the same id. */
    void save(Share share);

    Optional<Share> findById(String shareId);

    /** Deletes the share; false if there was none. */
    boolean delete(String shareId);

    /** A page of the owner's shares, without their documents. */
    List<ShareSummary> findByOwner(ShareListQuery query);

    /** The grants on the owner's chat's share, in the order they were set; empty if there are none. */
    List<AccessGrant> grantsOf(UserId owner, ChatId chat);

    /**
     * Replaces every grant on the owner's chat's share with these, atomically; an empty list removes them all.
     * Grants outlive re-sharing, not the chat. The chat must be stored.
     */
    void replaceGrants(UserId owner, ChatId chat, List<AccessGrant> grants);
}
