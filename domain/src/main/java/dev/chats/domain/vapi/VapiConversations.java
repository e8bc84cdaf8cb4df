package dev.chats.domain.vapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts conversations back together from turns stored one by one: a turn-only chat's context is the history of the
 * chat it continues (that chat's context and output) or, in a session, the session's stored messages and the turns
 * of the session that had finished when this one began; then its own input. A chat that is not turn-only (what
 * earlier versions stored) already holds its whole context, so a walk back along {@code previousChatId} stops there.
 *
 * <p>Session turns are ordered by when they finished ({@code updatedAt}, then id), which is the order earlier
 * versions appended them to the session in; a turn's context holds the turns that finished no later than it began.
 * Works from what the stores read in bounded reads ({@code withAncestors}, {@code sessionTurns}), holding nothing
 * beyond one walk at a time.
 */
public final class VapiConversations {

    private static final Comparator<VapiChat> FINISH_ORDER = Comparator.comparingLong(VapiChat::updatedAt)
            .thenComparing(chat -> chat.id().value());

    private final Map<VapiChatId, VapiChat> chats = new HashMap<>();
    private final Map<String, VapiSession> sessions = new HashMap<>();
    private final Map<String, List<VapiChat>> turnsBySession = new HashMap<>();

    /**
     * @param chats        the chats to read and their ancestors, as stored
     * @param sessions     the stored sessions of the turn-only chats among them (a missing one adds no messages)
     * @param sessionTurns the turn-only chats of those sessions, as stored
     */
    public VapiConversations(Collection<VapiChat> chats, Collection<VapiSession> sessions,
                             Collection<VapiChat> sessionTurns) {
        chats.forEach(chat -> this.chats.put(chat.id(), chat));
        sessions.forEach(session -> this.sessions.put(session.id().value(), session));
        for (VapiChat turn : sessionTurns) {
            turnsBySession.computeIfAbsent(turn.sessionId(), id -> new ArrayList<>()).add(turn);
        }
        turnsBySession.values().forEach(turns -> turns.sort(FINISH_ORDER));
    }

    /** The sessions whose messages and turns reading these chats (and their ancestors) needs. */
    public static Set<String> sessionsOf(Collection<VapiChat> chats) {
        Set<String> ids = new LinkedHashSet<>();
        chats.stream().filter(VapiChat::turnOnly).filter(chat -> chat.sessionId() != null)
                .forEach(chat -> ids.add(chat.sessionId()));
        return ids;
    }

    /** The chat as a read answers it: with its whole context in {@code messages}. */
    public VapiChat read(VapiChat stored) {
        return stored.turnOnly() ? stored.withContext(context(stored)) : stored;
    }

    /** The conversation after the chat: its context, then its output. */
    public List<Map<String, Object>> history(VapiChat stored) {
        List<Map<String, Object>> history = new ArrayList<>(context(stored));
        history.addAll(stored.output());
        return history;
    }

    /** The whole history of a stored session: its stored messages, then each of its turns (input and output). */
    public List<Map<String, Object>> sessionHistory(VapiSession stored) {
        List<Map<String, Object>> history = new ArrayList<>(stored.messages());
        for (VapiChat turn : turnsBySession.getOrDefault(stored.id().value(), List.of())) {
            history.addAll(turn.messages());
            history.addAll(turn.output());
        }
        return history;
    }

    /** What the model saw for the chat, without the assistant's starting messages. */
    public List<Map<String, Object>> context(VapiChat stored) {
        // The chain back to where its context starts, newest first; then forwards, growing one list.
        List<VapiChat> chain = new ArrayList<>();
        chain.add(stored);
        VapiChat oldest = stored;
        while (oldest.turnOnly() && oldest.previousChatId() != null) {
            VapiChat previous = chats.get(oldest.previousChatId());
            if (previous == null) {
                break; // gone without its continuations being given their context: nothing more to put back
            }
            chain.add(previous);
            oldest = previous;
        }
        List<Map<String, Object>> conversation = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            VapiChat chat = chain.get(i);
            if (!chat.turnOnly()) {
                conversation = new ArrayList<>(chat.messages());
            } else {
                if (chat.previousChatId() == null && chat.sessionId() != null) {
                    conversation.addAll(sessionBefore(chat));
                }
                conversation.addAll(chat.messages());
            }
            if (i > 0) {
                conversation.addAll(chat.output());
            }
        }
        return conversation;
    }

    private List<Map<String, Object>> sessionBefore(VapiChat turn) {
        VapiSession session = sessions.get(turn.sessionId());
        List<Map<String, Object>> before = new ArrayList<>(session == null ? List.of() : session.messages());
        for (VapiChat earlier : turnsBySession.getOrDefault(turn.sessionId(), List.of())) {
            if (earlier.updatedAt() > turn.createdAt()) {
                break;
            }
            if (!earlier.id().equals(turn.id())) {
                before.addAll(earlier.messages());
                before.addAll(earlier.output());
            }
        }
        return before;
    }
}
