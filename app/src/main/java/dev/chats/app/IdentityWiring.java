package dev.chats.app;

import dev.chats.application.service.ApiKeyService;
import dev.chats.application.service.IdentityService;
import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.PasswordHasher;
import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.port.SignInAttempts;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.Role;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

/**
 * Wires the identity use cases (sign-up, sign-in with its attempt limit, sign-out, password change, session user)
 * with the role new users get from {@code chats.users.default-role}, and the API keys, on unless
 * {@code chats.auth.api-keys.enabled} ({@code ENABLE_API_KEY}) is false.
 */
@Factory
final class IdentityWiring {

    @Singleton
    IdentityService identity(UserRepository users, PasswordHasher hasher, IdGenerator ids, Clock clock,
                             @Value("${chats.users.default-role:user}") String defaultRole,
                             SignInAttempts attempts, RevokedTokens revokedTokens) {
        return new IdentityService(users, hasher, ids, clock, newUserRole(defaultRole), attempts, revokedTokens);
    }

    @Singleton
    ApiKeyService apiKeys(ApiKeyRepository keys, UserRepository users, Clock clock,
                          @Value("${chats.auth.api-keys.enabled:true}") String enabled) {
        return new ApiKeyService(keys, users, clock,
                Switch.parse("chats.auth.api-keys.enabled", "ENABLE_API_KEY", enabled));
    }

    /** Only {@code user} or {@code pending}: making every newcomer an admin is never what an operator wants. */
    static Role newUserRole(String configured) {
        return Role.fromWire(configured.trim())
                .filter(role -> role != Role.ADMIN)
                .orElseThrow(() -> new ConfigurationException("chats.users.default-role must be user or pending, "
                        + "was '" + configured + "'"));
    }
}
