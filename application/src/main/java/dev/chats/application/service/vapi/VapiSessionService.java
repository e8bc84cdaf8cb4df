package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.NewVapiSession;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.application.port.in.vapi.VapiSessionPatch;
import dev.chats.application.port.in.vapi.VapiSessionsUseCase;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiAssistant;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionPage;
import dev.chats.domain.vapi.VapiSessionQuery;

import java.util.Map;

/**
 * Opens, reads, lists, changes and deletes the caller's sessions. A session names a saved assistant by id or keeps
 * the one sent with it, its variables substituted. A session is answered with its whole history: its stored messages
 * followed by its chats' turns. When that history is replaced (a patch with {@code messages}) or the session is
 * deleted with messages of its own, its chats are first given their whole context, so they read the same afterwards.
 */
public final class VapiSessionService implements VapiSessionsUseCase {

    private static final int UPDATE_ATTEMPTS = 5;

    private final VapiSessionRepository sessions;
    private final VapiChatRepository chats;
    private final VapiConversationReader reader;
    private final SessionTurns turns;
    private final SavedAssistantRepository assistants;
    private final IdGenerator ids;
    private final Clock clock;

    public VapiSessionService(VapiSessionRepository sessions, VapiChatRepository chats,
                              SavedAssistantRepository assistants, IdGenerator ids, Clock clock) {
        this.sessions = sessions;
        this.chats = chats;
        this.reader = new VapiConversationReader(chats, sessions);
        this.turns = new SessionTurns(chats, sessions);
        this.assistants = assistants;
        this.ids = ids;
        this.clock = clock;
    }

    static VapiChatNotFoundException notFound() {
        return new VapiChatNotFoundException("Session not found");
    }

    @Override
    public VapiSession create(User actor, NewVapiSession command) {
        String assistantId = command.assistantId() == null ? null
                : SavedAssistantService.find(assistants, actor, command.assistantId()).id().value();
        // With a saved assistant the session keeps its id; chats read it afresh and substitute the variables.
        Map<String, Object> assistant = assistantId != null || command.assistant() == null ? null
                : VapiAssistant.substituted(command.assistant(), command.assistantOverrides());
        Object variables = command.assistantOverrides() == null ? null
                : command.assistantOverrides().get("variableValues");
        long now = clock.nowEpochMillis();
        VapiSession session = new VapiSession(new VapiSessionId(ids.newId()), actor.id(), command.name(),
                command.status() == null ? VapiSession.Status.ACTIVE : command.status(),
                command.expirationSeconds() == null ? VapiSession.DEFAULT_EXPIRATION_SECONDS
                        : command.expirationSeconds(), assistantId, assistant, command.assistantOverrides(),
                command.messages(), variables == null ? null : Map.of("variableValues", variables), now, now, 0);
        sessions.add(session);
        return session;
    }

    @Override
    public VapiSession get(User actor, VapiSessionId id) {
        return reader.readSession(stored(actor, id));
    }

    private VapiSession stored(User actor, VapiSessionId id) {
        return sessions.findById(actor.id(), id).orElseThrow(VapiSessionService::notFound);
    }

    @Override
    public VapiSessionPage list(User actor, VapiSessionQuery query) {
        VapiSessionPage page = sessions.list(query.withOwner(actor.id()));
        return new VapiSessionPage(reader.readSessions(actor.id(), page.results()), page.totalItems());
    }

    @Override
    public VapiSession update(User actor, VapiSessionId id, VapiSessionPatch patch) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            VapiSession stored = stored(actor, id);
            if (patch.messages() != null) {
                turns.keepContexts(stored); // the turns leave the history they are part of
            }
            VapiSession updated = stored.patched(patch.name(), patch.status(), patch.expirationSeconds(),
                    patch.messages(), clock.nowEpochMillis());
            if (sessions.update(updated)) {
                return reader.readSession(updated);
            }
        }
        throw new IllegalStateException("session " + id + " keeps changing; update abandoned");
    }

    @Override
    public VapiSession delete(User actor, VapiSessionId id) {
        VapiSession session = get(actor, id);
        VapiSession stored = stored(actor, id);
        if (!stored.messages().isEmpty()) {
            turns.keepContexts(stored); // without the session, its turns' contexts would lose its messages
        }
        sessions.delete(actor.id(), id).orElseThrow(VapiSessionService::notFound);
        return session;
    }
}
