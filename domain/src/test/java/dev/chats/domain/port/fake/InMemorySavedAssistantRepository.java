package dev.chats.domain.port.fake;

import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.TimeBounds;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fake: saved assistants in a map, passing the same contract as the database adapters. */
public final class InMemorySavedAssistantRepository implements SavedAssistantRepository {

    private final Map<SavedAssistantId, SavedAssistant> assistants = new ConcurrentHashMap<>();

    @Override
    public void add(SavedAssistant assistant) {
        if (assistants.putIfAbsent(assistant.id(), assistant) != null) {
            throw new IllegalStateException("assistant " + assistant.id() + " exists");
        }
    }

    @Override
    public Optional<SavedAssistant> findById(UserId owner, SavedAssistantId id) {
        return Optional.ofNullable(assistants.get(id)).filter(a -> a.isOwnedBy(owner));
    }

    @Override
    public synchronized boolean update(SavedAssistant updated) {
        SavedAssistant stored = assistants.get(updated.id());
        if (stored == null || !stored.isOwnedBy(updated.ownerId()) || stored.version() != updated.version() - 1) {
            return false;
        }
        assistants.put(updated.id(), updated);
        return true;
    }

    @Override
    public Optional<SavedAssistant> delete(UserId owner, SavedAssistantId id) {
        Optional<SavedAssistant> found = findById(owner, id);
        found.ifPresent(a -> assistants.remove(a.id()));
        return found;
    }

    @Override
    public List<SavedAssistant> list(UserId owner, TimeBounds createdAt, TimeBounds updatedAt, int limit) {
        Comparator<SavedAssistant> newestFirst = Comparator.comparingLong(SavedAssistant::createdAt)
                .thenComparing(a -> a.id().value());
        return assistants.values().stream().filter(a -> a.isOwnedBy(owner))
                .filter(a -> createdAt.contains(a.createdAt()) && updatedAt.contains(a.updatedAt()))
                .sorted(newestFirst.reversed()).limit(limit).toList();
    }
}
