package dev.chats.application.port.in.vapi;

import dev.chats.domain.user.User;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.TimeBounds;

import java.util.List;
import java.util.Map;

/**
 * Use cases of the caller's saved assistants ({@code /assistant}): save, read, list, change and delete. Another
 * user's assistant does not exist for the caller ({@link VapiChatNotFoundException} "Assistant not found").
 */
public interface SavedAssistantsUseCase {

    /** @throws dev.chats.domain.vapi.InvalidVapiChatException a {@code name} over 40 characters or not text */
    SavedAssistant create(User actor, Map<String, Object> definition);

    SavedAssistant get(User actor, SavedAssistantId id);

    List<SavedAssistant> list(User actor, TimeBounds createdAt, TimeBounds updatedAt, int limit);

    /** Replaces the given top-level fields; a null value removes one. */
    SavedAssistant update(User actor, SavedAssistantId id, Map<String, Object> changes);

    SavedAssistant delete(User actor, SavedAssistantId id);
}
