package dev.chats.app.operations;

import dev.chats.adapters.rest.security.SessionClaims;
import dev.chats.application.port.in.identity.GetSessionUserUseCase;
import dev.chats.domain.user.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.security.Principal;

/**
 * Decides whether the caller of an operations route (health details, metrics) is an administrator. The role is read
 * from the store, as for every API route, because session tokens do not carry it; any failure (no token, a revoked
 * one, an unknown user, the store away) answers "not an admin", so operations data is never shown by mistake.
 */
@Singleton
final class AdminCallers {

    private final GetSessionUserUseCase sessionUser;

    AdminCallers(GetSessionUserUseCase sessionUser) {
        this.sessionUser = sessionUser;
    }

    /** Blocks on the store: call it off the event loop. */
    boolean isAdmin(@Nullable Principal caller) {
        if (!(caller instanceof Authentication authentication)) {
            return false;
        }
        try {
            return sessionUser.sessionUser(SessionClaims.of(authentication)).role() == Role.ADMIN;
        } catch (RuntimeException notAnAdminNow) {
            return false;
        }
    }
}
