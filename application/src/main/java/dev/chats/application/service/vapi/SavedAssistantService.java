package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.SavedAssistantsUseCase;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.TimeBounds;
import dev.chats.domain.vapi.VapiChat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saves, reads, lists, changes and deletes the caller's assistants. A definition is kept as sent (Vapi's assistant
 * has many fields a chat does not use); its model is checked when a chat runs it.
 */
public final class SavedAssistantService implements SavedAssistantsUseCase {

    private static final int UPDATE_ATTEMPTS = 5;

    private final SavedAssistantRepository assistants;
    private final IdGenerator ids;
    private final Clock clock;

    public SavedAssistantService(SavedAssistantRepository assistants, IdGenerator ids, Clock clock) {
        this.assistants = assistants;
        this.ids = ids;
        this.clock = clock;
    }

    static VapiChatNotFoundException notFound() {
        return new VapiChatNotFoundException("Assistant not found");
    }

    /** The caller's assistant, for chats and sessions that name it. */
    static SavedAssistant find(SavedAssistantRepository assistants, User actor, String id) {
        return SavedAssistantId.parse(id).flatMap(parsed -> assistants.findById(actor.id(), parsed))
                .orElseThrow(SavedAssistantService::notFound);
    }

    @Override
    public SavedAssistant create(User actor, Map<String, Object> definition) {
        check(definition);
        long now = clock.nowEpochMillis();
        SavedAssistant assistant = new SavedAssistant(new SavedAssistantId(ids.newId()), actor.id(), definition, now,
                now, 0);
        assistants.add(assistant);
        return assistant;
    }

    @Override
    public SavedAssistant get(User actor, SavedAssistantId id) {
        return assistants.findById(actor.id(), id).orElseThrow(SavedAssistantService::notFound);
    }

    @Override
    public List<SavedAssistant> list(User actor, TimeBounds createdAt, TimeBounds updatedAt, int limit) {
        return assistants.list(actor.id(), createdAt, updatedAt, limit);
    }

    @Override
    public SavedAssistant update(User actor, SavedAssistantId id, Map<String, Object> changes) {
        check(changes);
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            SavedAssistant updated = get(actor, id).patched(changes, clock.nowEpochMillis());
            if (assistants.update(updated)) {
                return updated;
            }
        }
        throw new IllegalStateException("assistant " + id + " keeps changing; update abandoned");
    }

    @Override
    public SavedAssistant delete(User actor, SavedAssistantId id) {
        return assistants.delete(actor.id(), id).orElseThrow(SavedAssistantService::notFound);
    }

    private static void check(Map<String, Object> definition) {
        List<String> errors = new ArrayList<>();
        Object name = definition.get("name");
        if (name != null && !(name instanceof String)) {
            errors.add("name must be a string");
        } else if (name instanceof String s && s.length() > VapiChat.MAX_NAME_LENGTH) {
            errors.add("name must be shorter than or equal to " + VapiChat.MAX_NAME_LENGTH + " characters");
        }
        Object model = definition.get("model");
        if (model != null && !(model instanceof Map<?, ?>)) {
            errors.add("model must be an object");
        }
        if (!errors.isEmpty()) {
            throw InvalidVapiChatException.fields(errors);
        }
    }
}
