package dev.chats.app;

import dev.chats.domain.user.Role;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * {@code chats.users.default-role} ({@code CHATS_USERS_DEFAULT_ROLE}, {@code user}): the role of every user after
 * the first, {@code user} or {@code pending} (held until an admin approves). Read at start-up: any other value stops
 * it naming the setting.
 */
@Context
@ConfigurationProperties("chats.users")
public final class UserSettings {

    private Role defaultRole = Role.USER;

    public Role defaultRole() {
        return defaultRole;
    }

    /** Only {@code user} or {@code pending}: making every newcomer an admin is never what an operator wants. */
    public void setDefaultRole(String value) {
        defaultRole = Role.fromWire(value == null ? "" : value.trim())
                .filter(role -> role != Role.ADMIN)
                .orElseThrow(() -> new ConfigurationException("chats.users.default-role (CHATS_USERS_DEFAULT_ROLE)"
                        + " must be user or pending; it is '" + value + "'"));
    }
}
