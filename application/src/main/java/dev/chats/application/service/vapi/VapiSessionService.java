package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.NewVapiSession;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.application.port.in.vapi.VapiSessionPatch;
import dev.chats.application.port.in.vapi.VapiSessionsUseCase;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.SavedAssistantRepository;
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
 * the one sent with it, its variables substituted.
 */
public final class VapiSessionService implements VapiSessionsUseCase {

    private static final int UPDATE_ATTEMPTS = 5;

    private final VapiSessionRepository sessions;
    private final SavedAssistantRepository assistants;
    private final IdGenerator ids;
    private final Clock clock;

    public VapiSessionService(VapiSessionRepository sessions, SavedAssistantRepository assistants, IdGenerator ids,
                              Clock clock) {
        this.sessions = sessions;
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
        return sessions.findById(actor.id(), id).orElseThrow(VapiSessionService::notFound);
    }

    @Override
    public VapiSessionPage list(User actor, VapiSessionQuery query) {
        return sessions.list(query.withOwner(actor.id()));
    }

    @Override
    public VapiSession update(User actor, VapiSessionId id, VapiSessionPatch patch) {
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            VapiSession stored = get(actor, id);
            VapiSession updated = stored.patched(patch.name(), patch.status(), patch.expirationSeconds(),
                    patch.messages(), clock.nowEpochMillis());
            if (sessions.update(updated)) {
                return updated;
            }
        }
        throw new IllegalStateException("session " + id + " keeps changing; update abandoned");
    }

    @Override
    public VapiSession delete(User actor, VapiSessionId id) {
        return sessions.delete(actor.id(), id).orElseThrow(VapiSessionService::notFound);
    }
}
