package dev.chats.domain.port;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.TimeBounds;

import java.util.List;
import java.util.Optional;

/**
 * Output port: the assistants users saved, each scoped by its owner (another user's assistant does not exist for
 * the caller). Updates are guarded by the version they were made from.
 */
public interface SavedAssistantRepository {

    void add(SavedAssistant assistant);

    Optional<SavedAssistant> findById(UserId owner, SavedAssistantId id);

    /** Replaces the stored assistant if it still has {@code updated.version() - 1}; false otherwise. */
    boolean update(SavedAssistant updated);

    Optional<SavedAssistant> delete(UserId owner, SavedAssistantId id);

    /** The owner's newest {@code limit} assistants (by {@code createdAt}, then id) within the time bounds. */
    List<SavedAssistant> list(UserId owner, TimeBounds createdAt, TimeBounds updatedAt, int limit);
}
