package dev.chats.application.service.vapi;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiConversations;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The turn-only chats of a session, whose contexts and whose share of the session's history are put together when
 * read (see {@link VapiConversations}). Before anything those readings depend on changes, this writes them out.
 */
final class SessionTurns {

    /** A session changed this many times while its history was being kept is left as the last change made it. */
    private static final int ATTEMPTS = 5;

    private final VapiChatRepository chats;
    private final VapiSessionRepository sessions;

    SessionTurns(VapiChatRepository chats, VapiSessionRepository sessions) {
        this.chats = chats;
        this.sessions = sessions;
    }

    /**
     * Gives each turn-only chat of the session its whole context, so the chat reads the same once the session's
     * stored messages change or go; such a chat no longer counts as a turn of the session's history.
     */
    void keepContexts(VapiSession stored) {
        List<VapiChat> turns = chats.sessionTurns(stored.ownerId(), List.of(stored.id().value()));
        writeWhole(turns, new VapiConversations(turns, List.of(stored), turns));
    }

    /**
     * Before one of the session's turns is deleted: as Vapi keeps a session's messages when one of its chats goes,
     * the session keeps its whole history, that turn's included, as its stored messages, and each of its turns gets
     * its whole context. Neither the session nor its other chats then read differently once the turn is gone. The
     * turns are written first: stopped between the two, the session would miss turns, never hold them twice.
     */
    void beforeTurnDeleted(UserId owner, String sessionId) {
        Optional<VapiSession> session = VapiSessionId.parse(sessionId).flatMap(id -> sessions.findById(owner, id));
        List<VapiChat> turns = chats.sessionTurns(owner, List.of(sessionId));
        VapiConversations conversations = new VapiConversations(turns, session.stream().toList(), turns);
        writeWhole(turns, conversations);
        session.ifPresent(stored -> keepHistory(stored, conversations.sessionHistory(stored)));
    }

    private void writeWhole(List<VapiChat> turns, VapiConversations conversations) {
        for (VapiChat turn : turns) {
            chats.replace(turn.withContext(conversations.context(turn)));
        }
    }

    private void keepHistory(VapiSession stored, List<Map<String, Object>> history) {
        VapiSession current = stored;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (sessions.update(current.patched(null, null, null, history, current.updatedAt()))) {
                return;
            }
            Optional<VapiSession> changed = sessions.findById(current.ownerId(), current.id());
            // Deleted, or its messages replaced meanwhile (PATCH gave its turns their contexts): that change stands.
            if (changed.isEmpty() || !changed.get().messages().equals(stored.messages())) {
                return;
            }
            current = changed.get();
        }
    }
}
