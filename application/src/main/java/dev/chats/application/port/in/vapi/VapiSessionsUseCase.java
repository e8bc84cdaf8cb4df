package dev.chats.application.port.in.vapi;

import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionPage;
import dev.chats.domain.vapi.VapiSessionQuery;

/**
 * Use cases of the caller's sessions ({@code /session}): open, read, list, change and delete. Another user's
 * session does not exist for the caller ({@link VapiChatNotFoundException} "Session not found").
 */
public interface VapiSessionsUseCase {

    /** Opens a session; its assistant is stored with {@code assistantOverrides.variableValues} substituted. */
    VapiSession create(User actor, NewVapiSession command);

    VapiSession get(User actor, VapiSessionId id);

    VapiSessionPage list(User actor, VapiSessionQuery query);

    VapiSession update(User actor, VapiSessionId id, VapiSessionPatch patch);

    /** Deletes the session, answering it as it was; its chats stay. */
    VapiSession delete(User actor, VapiSessionId id);
}
