package dev.chats.app;

import dev.chats.application.service.identity.ApiKeyService;
import dev.chats.application.service.identity.IdentityService;
import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.PasswordHasher;
import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.port.SignInAttempts;
import dev.chats.domain.port.UserRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Wires the identity use cases (sign-up, sign-in with its attempt limit, sign-out, password change, session user)
 * with the role new users get from {@link UserSettings}, and the API keys, on unless {@link ApiKeySettings} turns
 * them off.
 */
@Factory
final class IdentityWiring {

    @Singleton
    IdentityService identity(UserRepository users, PasswordHasher hasher, IdGenerator ids, Clock clock,
                             UserSettings settings, SignInAttempts attempts, RevokedTokens revokedTokens) {
        return new IdentityService(users, hasher, ids, clock, settings.defaultRole(), attempts, revokedTokens);
    }

    @Singleton
    ApiKeyService apiKeys(ApiKeyRepository keys, UserRepository users, Clock clock, ApiKeySettings settings) {
        return new ApiKeyService(keys, users, clock, settings.enabled());
    }
}
