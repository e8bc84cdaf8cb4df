package dev.chats.domain.port;

import dev.chats.domain.share.Share;

import java.util.Optional;

/**
 * Output port: published snapshots of chats. The chat repository deletes a chat's share together with the chat.
 */
public interface ShareRepository {

    /** Stores the share, replacing the snapshot of an existing one with the same id. */
    void save(Share share);

    Optional<Share> findById(String shareId);

    /** Deletes the share; false if there was none. */
    boolean delete(String shareId);
}
