package dev.chats.application.service.vapi;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatQuery;
import dev.chats.domain.vapi.VapiConversations;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads chats and sessions as the API answers them, their conversations put back together from turns stored one by
 * one (see {@link VapiConversations}). However long the conversations and however many chats or sessions are read
 * together, it costs at most three reads: the chats with their ancestors, the sessions they need, those sessions'
 * turns.
 */
final class VapiConversationReader {

    private final VapiChatRepository chats;
    private final VapiSessionRepository sessions;

    VapiConversationReader(VapiChatRepository chats, VapiSessionRepository sessions) {
        this.chats = chats;
        this.sessions = sessions;
    }

    /** The owner's chat with its whole context, or empty. */
    Optional<VapiChat> find(UserId owner, VapiChatId id) {
        List<VapiChat> found = chats.withAncestors(owner, List.of(id));
        Optional<VapiChat> chat = found.stream().filter(c -> c.id().equals(id)).findFirst();
        return chat.map(c -> conversations(owner, found).read(c));
    }

    /** The stored chats with their whole contexts, in the same order. */
    List<VapiChat> read(UserId owner, List<VapiChat> stored) {
        if (stored.stream().noneMatch(c -> c.turnOnly() && (c.previousChatId() != null || c.sessionId() != null))) {
            return stored.stream().map(c -> c.turnOnly() ? c.withContext(c.messages()) : c).toList();
        }
        // A turn that continues nothing is its own context: only the others have ancestors to read.
        List<VapiChatId> continuing = stored.stream().filter(c -> c.turnOnly() && c.previousChatId() != null)
                .map(VapiChat::id).toList();
        List<VapiChat> all = new ArrayList<>(continuing.isEmpty() ? List.of()
                : chats.withAncestors(owner, continuing));
        all.addAll(stored);
        VapiConversations conversations = conversations(owner, all);
        return stored.stream().map(conversations::read).toList();
    }

    /** The reads a chat's context needs beyond its chain: the sessions of its turn-only chats, and their turns. */
    VapiConversations conversations(UserId owner, Collection<VapiChat> chatsAndAncestors) {
        Set<String> sessionIds = VapiConversations.sessionsOf(chatsAndAncestors);
        if (sessionIds.isEmpty()) {
            return new VapiConversations(chatsAndAncestors, List.of(), List.of());
        }
        return new VapiConversations(chatsAndAncestors, storedSessions(owner, sessionIds),
                chats.sessionTurns(owner, sessionIds));
    }

    /** The stored sessions with their whole histories, in the same order. */
    List<VapiSession> readSessions(UserId owner, List<VapiSession> stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        VapiConversations conversations = new VapiConversations(List.of(), stored,
                chats.sessionTurns(owner, stored.stream().map(s -> s.id().value()).toList()));
        return stored.stream().map(s -> s.withHistory(conversations.sessionHistory(s))).toList();
    }

    VapiSession readSession(VapiSession stored) {
        return readSessions(stored.ownerId(), List.of(stored)).get(0);
    }

    /** The chats of the owner that continue {@code id} directly, all pages. */
    List<VapiChat> continuations(UserId owner, VapiChatId id) {
        List<VapiChat> found = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<VapiChat> results = chats.list(new VapiChatQuery(owner, null, null, null, id, null, null, true,
                    page, VapiChatQuery.MAX_LIMIT)).results();
            found.addAll(results);
            if (results.size() < VapiChatQuery.MAX_LIMIT) {
                return found;
            }
        }
    }

    private List<VapiSession> storedSessions(UserId owner, Set<String> ids) {
        Set<VapiSessionId> parsed = Set.copyOf(ids.stream().map(VapiSessionId::parse).flatMap(Optional::stream)
                .toList());
        if (parsed.isEmpty()) {
            return List.of();
        }
        List<VapiSession> found = new ArrayList<>();
        // More sessions than one page holds only when more chats than that are read together: page through them.
        for (int page = 1; ; page++) {
            List<VapiSession> results = sessions.list(new VapiSessionQuery(owner, parsed, null, null, null, null,
                    true, page, VapiChatQuery.MAX_LIMIT)).results();
            found.addAll(results);
            if (results.size() < VapiChatQuery.MAX_LIMIT) {
                return found;
            }
        }
    }
}
