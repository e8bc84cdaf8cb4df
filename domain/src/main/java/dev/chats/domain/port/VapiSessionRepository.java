package dev.chats.domain.port;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import dev.chats.domain.vapi.VapiSessionPage;
import dev.chats.domain.vapi.VapiSessionQuery;

import java.util.Optional;

/**
 * Output port: Vapi sessions of every user, each scoped by its owner (another user's session does not exist for
 * the caller). Updates are guarded by the session's version, so two writers never overwrite each other unseen.
 */
public interface VapiSessionRepository {

    void add(VapiSession session);

    Optional<VapiSession> findById(UserId owner, VapiSessionId id);

    /**
     * Replaces the stored session with {@code updated} if the stored one still has {@code updated.version() - 1};
     * false if it changed meanwhile or is gone.
     */
    boolean update(VapiSession updated);

    /** Deletes the owner's session and answers it as it was; empty if there is none. */
    Optional<VapiSession> delete(UserId owner, VapiSessionId id);

    VapiSessionPage list(VapiSessionQuery query);
}
