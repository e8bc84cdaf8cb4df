package dev.chats.domain.port.fake;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test fake: Vapi chats in a map, passing the same contract as the database adapters. */
public final class InMemoryVapiChatRepository implements VapiChatRepository {

    private final Map<VapiChatId, VapiChat> chats = new ConcurrentHashMap<>();

    @Override
    public void add(VapiChat chat) {
        if (chats.putIfAbsent(chat.id(), chat) != null) {
            throw new IllegalStateException("chat " + chat.id() + " exists");
        }
    }

    @Override
    public Optional<VapiChat> findById(UserId owner, VapiChatId id) {
        return Optional.ofNullable(chats.get(id)).filter(chat -> chat.isOwnedBy(owner));
    }

    @Override
    public Optional<VapiChat> delete(UserId owner, VapiChatId id) {
        Optional<VapiChat> found = findById(owner, id);
        found.ifPresent(chat -> chats.remove(chat.id()));
        return found;
    }

    @Override
    public List<VapiChat> withAncestors(UserId owner, Collection<VapiChatId> ids) {
        Map<VapiChatId, VapiChat> found = new LinkedHashMap<>();
        for (VapiChatId id : ids) {
            VapiChat chat = findById(owner, id).orElse(null);
            while (chat != null && found.putIfAbsent(chat.id(), chat) == null && chat.turnOnly()
                    && chat.previousChatId() != null) {
                chat = findById(owner, chat.previousChatId()).orElse(null);
            }
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<VapiChat> sessionTurns(UserId owner, Collection<String> sessionIds) {
        return chats.values().stream().filter(chat -> chat.isOwnedBy(owner) && chat.turnOnly()
                && chat.sessionId() != null && sessionIds.contains(chat.sessionId())).toList();
    }

    @Override
    public boolean replace(VapiChat chat) {
        return chats.computeIfPresent(chat.id(), (id, stored) -> stored.isOwnedBy(chat.ownerId()) ? chat : stored)
                == chat;
    }

    @Override
    public VapiChatPage list(VapiChatQuery query) {
        Comparator<VapiChat> order = Comparator.comparingLong(VapiChat::createdAt)
                .thenComparing(chat -> chat.id().value());
        List<VapiChat> matching = chats.values().stream().filter(query::matches)
                .sorted(query.ascending() ? order : order.reversed()).toList();
        List<VapiChat> page = matching.stream()
                .filter(chat -> query.after() == null || query.after().precedes(chat, query.ascending()))
                .skip(query.offset()).limit(query.limit()).toList();
        return new VapiChatPage(page, matching.size());
    }
}
