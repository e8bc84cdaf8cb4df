package dev.chats.domain.port.fake;

import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionPage;
import dev.chats.domain.vapi.VapiSessionQuery;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fake: Vapi sessions in a map, passing the same contract as the database adapters. */
public final class InMemoryVapiSessionRepository implements VapiSessionRepository {

    private final Map<VapiSessionId, VapiSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void add(VapiSession session) {
        if (sessions.putIfAbsent(session.id(), session) != null) {
            throw new IllegalStateException("session " + session.id() + " exists");
        }
    }

    @Override
    public Optional<VapiSession> findById(UserId owner, VapiSessionId id) {
        return Optional.ofNullable(sessions.get(id)).filter(session -> session.isOwnedBy(owner));
    }

    @Override
    public synchronized boolean update(VapiSession updated) {
        VapiSession stored = sessions.get(updated.id());
        if (stored == null || !stored.isOwnedBy(updated.ownerId()) || stored.version() != updated.version() - 1) {
            return false;
        }
        sessions.put(updated.id(), updated);
        return true;
    }

    @Override
    public Optional<VapiSession> delete(UserId owner, VapiSessionId id) {
        Optional<VapiSession> found = findById(owner, id);
        found.ifPresent(session -> sessions.remove(session.id()));
        return found;
    }

    @Override
    public VapiSessionPage list(VapiSessionQuery query) {
        Comparator<VapiSession> order = Comparator.comparingLong(VapiSession::createdAt)
                .thenComparing(session -> session.id().value());
        List<VapiSession> matching = sessions.values().stream().filter(query::matches)
                .sorted(query.ascending() ? order : order.reversed()).toList();
        return new VapiSessionPage(matching.stream().skip(query.offset()).limit(query.limit()).toList(),
                matching.size());
    }
}
